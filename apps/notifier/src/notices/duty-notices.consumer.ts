import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AssignmentCancelledEvent,
  AssignmentChangedEvent,
  AssignmentEvent,
  EventEnvelope,
  RosterEvents,
} from '@rasad/contracts';
import { OnEvent } from '@rasad/messaging';
import { DirectoryRepository } from '../directory/directory.repository';
import { NoticeWriter } from './notice-writer';

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

/**
 * Posting notices from the roster's duty events, which also keep the notifier's copy of each duty (whose posts
 * put a person in a district's scope). A duty is cancelled by the cancel route's `cancelled` event or by an import's
 * `changed` to status cancelled; either tells the person once, as a cancellation the notifier already holds is not
 * told again.
 */
@Injectable()
export class DutyNoticesConsumer {
  constructor(
    private readonly notices: NoticeWriter,
    private readonly directory: DirectoryRepository,
  ) {}

  @OnEvent(RosterEvents.assignmentCreated)
  async posted(duty: AssignmentEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    const fresh = await this.directory.recordNewDuty(em, duty);
    if (!fresh || duty.status === 'cancelled' || dutyOver(duty)) {
      return;
    }
    await this.notify(duty, { kind: 'duty_posted' }, envelope, em);
  }

  @OnEvent(RosterEvents.assignmentChanged)
  async changed({ before, after }: AssignmentChangedEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    const held = await this.directory.recordDuty(em, after);
    const wasLive = before.status !== 'cancelled' && held !== 'cancelled';
    if (after.status === 'cancelled') {
      // What they were told is what is cancelled.
      if (wasLive && !dutyOver(before)) {
        await this.notify(before, { kind: 'duty_cancelled', reason: null }, envelope, em);
      }
      return;
    }
    if (dutyOver(after)) {
      return;
    }
    if (!wasLive) {
      // A cancelled duty restored (an import) is a posting again for someone told it was off.
      await this.notify(after, { kind: 'duty_posted' }, envelope, em);
    } else if (postingMoved(before, after)) {
      await this.notify(after, { kind: 'duty_changed' }, envelope, em);
    }
  }

  @OnEvent(RosterEvents.assignmentCancelled)
  async cancelled(duty: AssignmentCancelledEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    const held = await this.directory.recordDuty(em, duty);
    if (held === 'cancelled' || dutyOver(duty)) {
      return;
    }
    await this.notify(duty, { kind: 'duty_cancelled', reason: duty.reason ?? null }, envelope, em);
  }

  private async notify(duty: AssignmentEvent, notice: DutyNotice, envelope: EventEnvelope, em: EntityManager) {
    const post = await this.directory.post(em, duty.postId);
    if (!post) {
      throw new UnknownPostError(`post ${duty.postId} not known to the notifier yet`);
    }
    await this.notices.write(em, envelope, {
      personnelIds: [duty.personnelId],
      districtId: post.districtId,
      facts: {
        ...notice,
        duty: { postName: post.name, postCode: post.code, startsAt: duty.startsAt, endsAt: duty.endsAt },
      },
    });
  }
}
