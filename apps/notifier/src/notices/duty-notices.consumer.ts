import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AssignmentChangedEvent, AssignmentEvent, EventEnvelope, EventSubjects } from '@rasad/contracts';
import { OnEvent } from '@rasad/messaging';
import { DutyPost } from '../directory/duty-post.entity';
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

/** Posting notices from the roster's duty events. */
@Injectable()
export class DutyNoticesConsumer {
  constructor(private readonly notices: NoticeWriter) {}

  @OnEvent(EventSubjects.assignmentCreated)
  async posted(duty: AssignmentEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    if (duty.status === 'cancelled' || dutyOver(duty)) {
      return;
    }
    await this.notify(duty, 'duty_posted', envelope, em);
  }

  @OnEvent(EventSubjects.assignmentChanged)
  async changed(change: AssignmentChangedEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    if (change.after.status === 'cancelled' || dutyOver(change.after) || !postingMoved(change.before, change.after)) {
      return;
    }
    await this.notify(change.after, 'duty_changed', envelope, em);
  }

  private async notify(
    duty: AssignmentEvent,
    kind: 'duty_posted' | 'duty_changed',
    envelope: EventEnvelope,
    em: EntityManager,
  ): Promise<void> {
    const post = await em.findOne(DutyPost, { id: duty.postId });
    if (!post) {
      throw new UnknownPostError(`post ${duty.postId} not known to the notifier yet`);
    }
    await this.notices.write(em, envelope, {
      personnelIds: [duty.personnelId],
      districtId: post.districtId,
      facts: {
        kind,
        duty: { postName: post.name, postCode: post.code, startsAt: duty.startsAt, endsAt: duty.endsAt },
      },
    });
  }
}
