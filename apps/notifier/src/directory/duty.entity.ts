import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { DutyStatus } from '@rasad/duty-assignments';

/** A duty as the notifier needs it: whose, at which post, and whether it still stands (for district scope). */
@Entity({ tableName: 'duty' })
export class Duty {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  personnelId: string;

  @Property({ type: 'uuid' })
  postId: string;

  @Property({ type: 'text' })
  status: DutyStatus;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
