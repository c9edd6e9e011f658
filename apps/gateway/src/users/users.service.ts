import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CreateUserRequest,
  DomainError,
  ErrorCode,
  ListUsersQuery,
  Page,
  UpdateUserRequest,
  UserView,
} from '@rasad/contracts';
import { PgErrorCode, pgErrorCode } from '@rasad/common';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';
import { User, userView } from './user.entity';
import { DistrictChoice, UserDistricts } from './user-districts';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly districts: UserDistricts,
    private readonly users: UsersRepository,
  ) {}

  async create({ password, districtIds, districtCodes, ...body }: CreateUserRequest): Promise<UserView> {
    const chosen = await this.chosenDistricts({ districtIds, districtCodes });
    const user = this.em.create(User, {
      ...body,
      districtIds: body.role === 'admin' ? [] : (chosen ?? []),
      passwordHash: await this.passwords.hash(password),
    });
    await this.flush();
    return this.view(user);
  }

  /** Every user, disabled ones too unless filtered out: an admin needs to find a disabled account to enable it. */
  async list(query: ListUsersQuery): Promise<Page<UserView>> {
    const users = await this.users.list(query);
    const directory = await this.districts.directory(users.items.some((user) => user.districtIds.length > 0));
    return { ...users, items: users.items.map((user) => userView(user, directory.codesOf(user.districtIds))) };
  }

  async get(id: string): Promise<UserView> {
    return this.view(await this.find(id));
  }

  async update(id: string, { password, districtIds, districtCodes, ...changes }: UpdateUserRequest): Promise<UserView> {
    const chosen = await this.chosenDistricts({ districtIds, districtCodes });
    const user = await this.find(id);
    const was = { role: user.role, districts: [...user.districtIds].sort().join(), disabled: user.disabled };
    this.em.assign(user, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
    if (chosen) {
      user.districtIds = chosen;
    }
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
    return this.view(user);
  }

  /** The districts named by id and by code, checked against the roster's; undefined when neither field was sent. */
  private async chosenDistricts(choice: DistrictChoice): Promise<string[] | undefined> {
    if (choice.districtIds === undefined && choice.districtCodes === undefined) {
      return undefined;
    }
    const named = (choice.districtIds?.length ?? 0) + (choice.districtCodes?.length ?? 0) > 0;
    return (await this.districts.directory(named)).idsOf(choice);
  }

  private async view(user: User): Promise<UserView> {
    const directory = await this.districts.directory(user.districtIds.length > 0);
    return userView(user, directory.codesOf(user.districtIds));
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
