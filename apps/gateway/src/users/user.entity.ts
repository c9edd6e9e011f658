import { ArrayType, Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Role, UserView } from '@rasad/contracts';
import { v7 as uuidv7 } from 'uuid';

@Entity({ tableName: 'app_user' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = uuidv7();

  @Property({ type: 'text', unique: true })
  username: string;

  /** argon2id; never leaves this service. */
  @Property({ type: 'text', hidden: true })
  passwordHash: string;

  @Property({ type: 'text' })
  role: Role;

  @Property({ type: ArrayType, columnType: 'uuid[]' })
  districtIds: Opt<string[]> = [];

  @Property({ type: 'boolean' })
  disabled: Opt<boolean> = false;

  /** Every access token names the epoch it was issued in; bumping it ends them all at once. */
  @Property({ type: 'integer' })
  sessionEpoch: Opt<number> = 0;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** `districtCodes`: the codes of the user's districts, as the roster names them now. */
export function userView(u: User, districtCodes: string[]): UserView {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    districtIds: u.districtIds,
    districtCodes,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
  };
}
