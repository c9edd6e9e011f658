import { ServiceEntity, timestamps } from '@rasad/common';
import { ArrayType, Entity, Opt, Property } from '@mikro-orm/core';
import { BriefingSessionEvent, BriefingTopic, SessionStatus, SessionView } from '@rasad/contracts';

/**
 * A briefing session. `seatsTaken` is kept by a database trigger on invitations and bounded by a check constraint:
 * code reads it, never writes it.
 */
@Entity({ tableName: 'session' })
export class BriefingSession extends ServiceEntity {
  @Property({ type: 'text' })
  title: string;

  @Property({ type: ArrayType, columnType: 'text[]' })
  topics: BriefingTopic[];

  @Property({ type: 'text' })
  venueName: string;

  @Property({ type: 'text' })
  venueAddress: string;

  @Property({ type: 'integer' })
  capacity: number;

  @Property({ type: 'timestamptz' })
  startsAt: Date;

  @Property({ type: 'timestamptz' })
  endsAt: Date;

  @Property({ type: 'text' })
  presenter: string;

  @Property({ type: 'uuid' })
  districtId: string;

  @Property({ type: 'text' })
  status: Opt<SessionStatus> = 'scheduled';

  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Property({ type: 'integer' })
  sequence: Opt<number> = 0;

  /** Never assigned in code, so MikroORM never writes it back over the trigger's count. */
  @Property({ type: 'integer' })
  seatsTaken: Opt<number> = 0;
}

export function sessionView(s: BriefingSession): SessionView {
  return {
    id: s.id,
    title: s.title,
    topics: s.topics,
    venue: { name: s.venueName, address: s.venueAddress, capacity: s.capacity },
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    presenter: s.presenter,
    districtId: s.districtId,
    status: s.status,
    seatsTaken: s.seatsTaken,
    statusReason: s.statusReason,
    sequence: s.sequence,
    ...timestamps(s),
  };
}

export function sessionEvent(s: BriefingSession): BriefingSessionEvent {
  return {
    id: s.id,
    title: s.title,
    topics: s.topics,
    venueName: s.venueName,
    venueAddress: s.venueAddress,
    capacity: s.capacity,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    presenter: s.presenter,
    districtId: s.districtId,
    status: s.status,
    sequence: s.sequence,
  };
}
