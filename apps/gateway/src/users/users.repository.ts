import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, page } from '@rasad/common';
import { ListUsersQuery, Page, Role } from '@rasad/contracts';
import { User } from './user.entity';

/** What every request needs to know about its caller. */
export interface CallerRow {
  id: string;
  username: string;
  role: Role;
  district_ids: string[];
  disabled: boolean;
  session_epoch: number;
}

const CALLER = 'select id, username, role, district_ids, disabled, session_epoch from gateway.app_user where id = ?';

const USER_ORDER: ListOrder = {
  keys: { username: 'u.username', role: 'u.role', createdAt: 'u.created_at' },
  natural: 'username',
};

/** The users' SQL: the list an admin reads, and the caller looked up on every request. */
@Injectable()
export class UsersRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every user, disabled ones too unless filtered out. */
  list(query: ListUsersQuery): Promise<Page<User>> {
    const qb = this.em.createQueryBuilder(User, 'u');
    if (query.role) {
      qb.andWhere({ role: { $in: query.role } });
    }
    if (query.districtId) {
      qb.andWhere('?::uuid = any(u.district_ids)', [query.districtId]);
    }
    if (query.disabled !== undefined) {
      qb.andWhere({ disabled: query.disabled });
    }
    return page(qb, query, (user) => user, USER_ORDER);
  }

  /** The caller's row, as plain SQL without an entity load: every route's hot path. */
  async caller(id: string): Promise<CallerRow | undefined> {
    const [user] = await this.em.execute<CallerRow[]>(CALLER, [id]);
    return user;
  }
}
