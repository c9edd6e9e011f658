import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventEnvelope, ManifestEvent, TransportEvents } from '@rasad/contracts';
import { OnEvent } from '@rasad/messaging';
import { DirectoryRepository } from '../directory/directory.repository';
import { NoticeWriter } from './notice-writer';
import { UnknownPostError } from './duty-notices.consumer';

/**
 * A passenger hears of their seat when booked and when taken off, once per event, in their language. A trip called
 * off takes each passenger off with a `manifest.cancelled` of their own, so `trip.cancelled` adds no notice; and no
 * event moves a trip's times (a trip is planned with them), so there is no "pickup changed" notice to send.
 */
@Injectable()
export class TransportNoticesConsumer {
  constructor(
    private readonly notices: NoticeWriter,
    private readonly directory: DirectoryRepository,
  ) {}

  @OnEvent(TransportEvents.manifestBooked)
  async booked(entry: ManifestEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    await this.tell(em, envelope, entry, 'transport_booked');
  }

  @OnEvent(TransportEvents.manifestCancelled)
  async cancelled(entry: ManifestEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    await this.tell(em, envelope, entry, 'transport_cancelled');
  }

  private async tell(
    em: EntityManager,
    envelope: EventEnvelope,
    entry: ManifestEvent,
    kind: 'transport_booked' | 'transport_cancelled',
  ): Promise<void> {
    const [post] = await this.directory.posts(em, [entry.postId]);
    if (!post) {
      throw new UnknownPostError(`post ${entry.postId} not known to the notifier yet`);
    }
    await this.notices.write(em, envelope, {
      personnelIds: [entry.personnelId],
      districtId: post.districtId,
      facts: {
        kind,
        ride: {
          leg: entry.leg,
          postName: post.name,
          postCode: post.code,
          pickupPointName: entry.pickupPointName ?? null,
          // Going out the trip starts at the pickup point; coming back it leaves the passenger's post.
          pickupAt: entry.leg === 'outbound' ? entry.tripStartsAt : entry.stopDepartsAt,
        },
      },
    });
  }
}
