import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CreateUserRequest, DomainError, ErrorCode, UpdateUserRequest, UserView } from '@rasad/contracts';
import { PgErrorCode, pgErrorCode } from '@rasad/common';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';
import { User, userView } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  async create({ password, ...body }: CreateUserRequest): Promise<UserView> {
    const user = this.em.create(User, {
      ...body,
      districtIds: body.role === 'admin' ? [] : body.districtIds,
      passwordHash: await this.passwords.hash(password),
    });
    await this.flush();
    return userView(user);
  }

  async list(): Promise<UserView[]> {
    return (await this.em.find(User, {}, { orderBy: { username: 'asc' } })).map(userView);
  }

  async get(id: string): Promise<UserView> {
    return userView(await this.find(id));
  }

  async update(id: string, { password, ...changes }: UpdateUserRequest): Promise<UserView> {
    const user = await this.find(id);
    const was = { role: user.role, districts: [...user.districtIds].sort().join(), disabled: user.disabled };
    this.em.assign(user, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
    if (password) {
      user.passwordHash = await this.passwords.hash(password);
    }
    // What a token grants is decided when it is issued: any change to it ends the user's access tokens at once.
    const endsAccess =
      !!password ||
      user.disabled !== was.disabled ||
      user.role !== was.role ||
      [...user.districtIds].sort().join() !== was.districts;
    if (endsAccess) {
      user.sessionEpoch++;
    }
    await this.flush();
    // A new password or a disabled account also ends the sessions themselves: no refreshing back in.
    if (password || user.disabled) {
      await this.sessions.endAll(user.id);
    }
    return userView(user);
  }

  private async find(id: string): Promise<User> {
    const user = await this.em.findOne(User, { id });
    if (!user) {
      throw DomainError.notFound('user', id);
    }
    return user;
  }

  private async flush(): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.uniqueViolation) {
        throw new DomainError(ErrorCode.Duplicate, 'username is already taken', [
          { field: 'username', message: 'already taken' },
        ]);
      }
      throw error;
    }
  }
}
