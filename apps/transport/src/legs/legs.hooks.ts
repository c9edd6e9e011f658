import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DutyChange, RosterProjectionHooks } from '@rasad/roster-projection';
import { LegsRepository } from './legs.repository';
import { LegsService } from './legs.service';

/** Why a duty event took a leg away, and what it says on the passenger's manifest entry. */
type Upset = 'reposted' | 'duty_cancelled';

function upsetOf(change: DutyChange): Upset | null {
  if (change.kind === 'cancelled' || (change.kind === 'changed' && change.duty.status === 'cancelled')) {
    return 'duty_cancelled';
  }
  if (change.kind !== 'changed') {
    return null;
  }
  const { before, duty } = change;
  const moved = before.postId !== duty.postId || before.startsAt !== duty.startsAt || before.endsAt !== duty.endsAt;
  return moved ? 'reposted' : null;
}

/**
 * Transport's reaction to the roster's duty events, in their transaction: each person concerned gets the legs their
 * live duties now need (a reposting voids the old leg and needs the new one), and a booked passenger whose duty moved
 * or was called off is flagged on the manifest for the officer.
 */
@Injectable()
export class LegsHooks implements RosterProjectionHooks {
  constructor(
    private readonly legs: LegsService,
    private readonly repository: LegsRepository,
  ) {}

  async dutiesApplied(em: EntityManager, changes: readonly DutyChange[]): Promise<void> {
    const fresh = changes.filter((change) => !change.stale);
    const reasons = new Map<string, string>();
    const flags: { dutyId: string; flag: Upset; reason: string | null }[] = [];
    for (const change of fresh) {
      const upset = upsetOf(change);
      const people = change.kind === 'changed' ? [change.before.personnelId, change.duty.personnelId] : [];
      for (const personnelId of [change.duty.personnelId, ...people]) {
        reasons.set(personnelId, upset ?? reasons.get(personnelId) ?? 'duty_changed');
      }
      if (upset) {
        flags.push({ dutyId: change.duty.id, flag: upset, reason: change.kind === 'created' ? null : change.reason });
      }
    }
    await this.legs.recompute(em, [...reasons.keys()], (personnelId) => reasons.get(personnelId)!);
    await this.repository.flagBookings(em, flags);
  }
}
