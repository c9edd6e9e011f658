import { ServiceEntity, timestamps } from '@rasad/common';
import { Entity, Opt, Property } from '@mikro-orm/core';
import { AssignmentEvent, AssignmentView } from '@rasad/contracts';
import { DutyPhase, DutyRole, DutyStatus } from '@rasad/duty-assignments';

/** The no-overlap rule per person is an exclusion constraint in the migration, not a check here. */
@Entity({ tableName: 'duty_assignment' })
export class DutyAssignment extends ServiceEntity {
  @Property({ type: 'uuid' })
  personnelId: string;

  @Property({ type: 'uuid' })
  postId: string;

  @Property({ type: 'text' })
  role: DutyRole;

  @Property({ type: 'timestamptz' })
  startsAt: Date;

  @Property({ type: 'timestamptz' })
  endsAt: Date;

  @Property({ type: 'text' })
  phase: DutyPhase;

  @Property({ type: 'text' })
  status: Opt<DutyStatus> = 'planned';

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null = null;

  /** Why it was last reposted (a new post or window), when the officer said. */
  @Property({ type: 'text', nullable: true })
  changeReason: string | null = null;
}

export function assignmentView(a: DutyAssignment): AssignmentView {
  return {
    id: a.id,
    personnelId: a.personnelId,
    postId: a.postId,
    role: a.role,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    phase: a.phase,
    status: a.status,
    cancelReason: a.cancelReason,
    changeReason: a.changeReason,
    ...timestamps(a),
  };
}

export function assignmentEvent(a: DutyAssignment): AssignmentEvent {
  const { cancelReason: _r, changeReason: _w, createdAt: _c, updatedAt: _u, ...event } = assignmentView(a);
  return event;
}
