import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';

/** A post, as far as the scope check needs it: the district it lies in. */
@Entity({ schema: 'roster', tableName: 'post' })
export class Post {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text' })
  code: string;

  @Property({ type: 'uuid' })
  districtId: string;
}

/** roster.duty_assignment, every column. */
@Entity({ schema: 'roster', tableName: 'duty_assignment' })
export class DutyAssignment {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  personnelId: string;

  @ManyToOne(() => Post)
  post: Post;

  @Property({ type: 'text' })
  role: string;

  @Property({ type: 'timestamptz' })
  startsAt: Date;

  @Property({ type: 'timestamptz' })
  endsAt: Date;

  @Property({ type: 'text' })
  phase: string;

  @Property({ type: 'text' })
  status: string;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Property({ type: 'text', nullable: true })
  changeReason: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date;

  @Property({ type: 'timestamptz' })
  updatedAt: Date;
}
