import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CreateUserRequest, DomainError, ErrorCode, UpdateUserRequest, UserView } from '@rasad/contracts';
import { PgErrorCode, pgErrorCode } from '@rasad/common';
import { PasswordHasher } from '../auth/password-hasher';
import { User, userView } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly passwords: PasswordHasher,
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
    this.em.assign(user, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
    if (password) {
      user.passwordHash = await this.passwords.hash(password);
    }
    await this.flush();
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
