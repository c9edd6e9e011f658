import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The gateway's users table, mapped as a monolith would map its own. */
@Entity({ schema: 'gateway', tableName: 'app_user' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text' })
  username: string;

  @Property({ type: 'text', hidden: true })
  passwordHash: string;

  @Property({ type: 'text' })
  role: string;

  @Property({ type: ArrayType, columnType: 'uuid[]' })
  districtIds: string[];

  @Property({ type: 'boolean' })
  disabled: boolean;

  @Property({ type: 'integer' })
  sessionEpoch: number;

  @Property({ type: 'timestamptz' })
  createdAt: Date;

  @Property({ type: 'timestamptz' })
  updatedAt: Date;
}
