import { AssignmentEvent, EventEnvelope } from '@rasad/contracts';
import { DutyStatus } from '@rasad/duty-assignments';

/** A duty event of a run: the duty as it leaves it, and for a change what it was before. */
export type DutyEvent = {
  envelope: EventEnvelope;
  /** The duty as the event leaves it. */
  duty: AssignmentEvent;
} & (
  | { kind: 'created' }
  | { kind: 'changed'; before: AssignmentEvent; reason: string | null }
  | { kind: 'cancelled'; reason: string | null }
);

/** A duty as the projection held it before a run: its status and the event that wrote it (null: before versions). */
export interface HeldDuty {
  status: DutyStatus;
  eventId: string | null;
}

/** What a duty event did to the projection, for the service's reactions. */
export type DutyChange = DutyEvent & {
  /** The status the projection held just before this event; null for a duty it had not seen. */
  held: DutyStatus | null;
  /**
   * The event came after a later one of its duty (a retry overtaken): the projection kept the later state, and a
   * reaction should let it be. A `created` for a duty already held is stale too.
   */
  stale: boolean;
};

/** Event ids are UUID v7: a later event of a record has a greater id (see docs/architecture.md, Projections). */
export const laterEvent = (eventId: string, than: string | null): boolean =>
  than === null || eventId.toLowerCase() > than.toLowerCase();

/**
 * Each event of a run with the status held just before it, as if the run had been applied one event at a time:
 * the run is written with one statement, which answers what was held before the run.
 */
export function dutyChanges(events: readonly DutyEvent[], heldBefore: ReadonlyMap<string, HeldDuty>): DutyChange[] {
  const held = new Map(heldBefore);
  return events.map((event) => {
    const current = held.get(event.duty.id);
    const stale =
      current !== undefined && (event.kind === 'created' || !laterEvent(event.envelope.id, current.eventId));
    if (!stale) {
      held.set(event.duty.id, { status: event.duty.status, eventId: event.envelope.id });
    }
    return { ...event, held: current?.status ?? null, stale };
  });
}
