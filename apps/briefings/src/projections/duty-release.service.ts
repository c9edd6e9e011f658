import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventSubjects } from '@rasad/contracts';
import { Outbox } from '@rasad/messaging';
import { DutyChange, RosterProjectionHooks } from '@rasad/roster-projection';
import { BriefingSession, sessionEvent } from '../sessions/briefing-session.entity';
import { CLASH_REASON, DUTY_CANCELLED_REASON } from '../shared/seats';
import { DutyReleaseRepository, ReleasedSeat } from './duty-release.repository';

/**
 * Briefings' reaction to the roster's duties, a run of them at once, after the projection has applied them:
 * - when a duty stops qualifying a person for a briefing (cancelled, moved out of the district or before the
 *   session), the seats it earned them in upcoming sessions are given back, unless another live duty still
 *   qualifies them. Only seats that this duty qualified for are touched: a manual invitation that never rested on
 *   this duty is left alone;
 * - a live duty (new or changed) that overlaps a briefing the person holds a seat at (one that has not started)
 *   takes the seat back: no one sits in a briefing while on duty.
 * An event older than what the projection holds (a retry overtaken) is left alone: the later event has acted.
 */
@Injectable()
export class DutyRelease implements RosterProjectionHooks {
  constructor(
    private readonly outbox: Outbox,
    private readonly seats: DutyReleaseRepository,
  ) {}

  async dutiesApplied(em: EntityManager, changes: readonly DutyChange[]): Promise<void> {
    const current = changes.filter((change) => !change.stale);
    const former = current.flatMap((change) => {
      switch (change.kind) {
        case 'created':
          return [];
        case 'changed':
          return [change.before];
        case 'cancelled':
          return [change.duty];
      }
    });
    const live = current.filter((change) => change.kind !== 'cancelled' && change.duty.status !== 'cancelled');
    await this.announce(em, await this.seats.releaseUnqualified(em, former), DUTY_CANCELLED_REASON);
    await this.announce(
      em,
      await this.seats.releaseClashes(
        em,
        live.map((change) => change.duty),
      ),
      CLASH_REASON,
    );
  }

  private async announce(em: EntityManager, released: ReleasedSeat[], reason: string): Promise<void> {
    if (released.length === 0) {
      return;
    }
    const sessions = await em.find(BriefingSession, { id: { $in: released.map((seat) => seat.sessionId) } });
    const byId = new Map(sessions.map((session) => [session.id, session]));
    await this.outbox.insertMany(
      em,
      released.map((seat) => ({
        subject: EventSubjects.invitationCancelled,
        aggregateId: seat.sessionId,
        payload: {
          invitationId: seat.invitationId,
          personnelId: seat.personnelId,
          status: 'cancelled' as const,
          reason,
          session: sessionEvent(byId.get(seat.sessionId)!),
        },
      })),
    );
  }
}
