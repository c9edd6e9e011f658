import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AssignmentEvent } from '@rasad/contracts';
import { DutyChange, RosterProjectionHooks } from '@rasad/roster-projection';
import { DirectoryRepository, NoticePost } from '../directory/directory.repository';
import { NoticeRequest, NoticeWriter } from './notice-writer';

/** A post the roster has not told us about yet: the consumer retries, as its event is on its way. */
export class UnknownPostError extends Error {}

/** What a person must hear about their duty: where and when. A change of role or phase alone is not news to them. */
export function postingMoved(before: AssignmentEvent, after: AssignmentEvent): boolean {
  return (
    before.postId !== after.postId ||
    Date.parse(before.startsAt) !== Date.parse(after.startsAt) ||
    Date.parse(before.endsAt) !== Date.parse(after.endsAt)
  );
}

/** A duty that is over is history, not news (an import of last month's duties, a backlog). */
export const dutyOver = (duty: AssignmentEvent, now = new Date()): boolean => Date.parse(duty.endsAt) <= now.getTime();

type DutyNotice = { kind: 'duty_posted' | 'duty_changed' } | { kind: 'duty_cancelled'; reason: string | null };

/** The notice a duty event owes its person, and about which duty as they knew it; null when it is no news. */
export function dutyNotice(change: DutyChange): { duty: AssignmentEvent; notice: DutyNotice } | null {
  if (change.stale) {
    // A `created` retried after a later event of its duty (a cancellation that overtook it) neither revives nor
    // announces it; nor does any event older than what the notifier holds.
    return null;
  }
  const { duty, held } = change;
  switch (change.kind) {
    case 'created':
      return duty.status === 'cancelled' || dutyOver(duty) ? null : { duty, notice: { kind: 'duty_posted' } };
    case 'changed': {
      const { before } = change;
      const wasLive = before.status !== 'cancelled' && held !== 'cancelled';
      if (duty.status === 'cancelled') {
        // What they were told is what is cancelled.
        return wasLive && !dutyOver(before) ? { duty: before, notice: { kind: 'duty_cancelled', reason: null } } : null;
      }
      if (dutyOver(duty)) {
        return null;
      }
      if (!wasLive) {
        // A cancelled duty restored (an import) is a posting again for someone told it was off.
        return { duty, notice: { kind: 'duty_posted' } };
      }
      return postingMoved(before, duty) ? { duty, notice: { kind: 'duty_changed' } } : null;
    }
    case 'cancelled':
      return held === 'cancelled' || dutyOver(duty)
        ? null
        : { duty, notice: { kind: 'duty_cancelled', reason: change.reason } };
  }
}

/**
 * Posting notices from the roster's duty events, a run of them at once, once the projection has applied them (its
 * duties put a person in a district's scope). A duty is cancelled by the cancel route's `cancelled` event or by an
 * import's `changed` to status cancelled; either tells the person once, as a cancellation the notifier already holds
 * is not told again.
 */
@Injectable()
export class DutyNoticesConsumer implements RosterProjectionHooks {
  constructor(
    private readonly notices: NoticeWriter,
    private readonly directory: DirectoryRepository,
  ) {}

  async dutiesApplied(em: EntityManager, changes: readonly DutyChange[]): Promise<void> {
    const owed = changes.flatMap((change) => {
      const owes = dutyNotice(change);
      return owes ? [{ ...owes, envelope: change.envelope }] : [];
    });
    if (owed.length === 0) {
      return;
    }
    const posts = new Map(
      (await this.directory.posts(em, [...new Set(owed.map(({ duty }) => duty.postId))])).map((p) => [p.id, p]),
    );
    await this.notices.writeAll(
      em,
      owed.map(({ duty, notice, envelope }) => ({
        envelope,
        request: this.request(duty, notice, posts.get(duty.postId)),
      })),
    );
  }

  private request(duty: AssignmentEvent, notice: DutyNotice, post: NoticePost | undefined): NoticeRequest {
    if (!post) {
      throw new UnknownPostError(`post ${duty.postId} not known to the notifier yet`);
    }
    return {
      personnelIds: [duty.personnelId],
      districtId: post.districtId,
      facts: {
        ...notice,
        duty: { postName: post.name, postCode: post.code, startsAt: duty.startsAt, endsAt: duty.endsAt },
      },
    };
  }
}
