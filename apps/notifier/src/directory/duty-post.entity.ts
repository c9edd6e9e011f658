import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** A duty post as a posting notice names it, kept from the roster's post events. */
@Entity({ tableName: 'post' })
export class DutyPost {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text' })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'uuid' })
  districtId: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
