import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AllocationEvent, AllocationReleasedEvent, EventEnvelope, LodgingEvents } from '@rasad/contracts';
import { OnEvent } from '@rasad/messaging';
import { NotifierEnv } from '../notifier.env';
import { BedFacts } from '../templates/notice-facts';
import { NoticeWriter, UnknownRecipientError } from './notice-writer';
import { NoticesRepository } from './notices.repository';

const bedFacts = (a: AllocationEvent, nights: string[]): BedFacts => ({
  siteName: a.siteName,
  address: a.address,
  roomName: a.roomName,
  bedLabel: a.bedLabel,
  nights,
});

/**
 * A person hears where they sleep when lodging allocates them a bed, and that it is gone when the check-in cut-off
 * gives it back (a no-show); the in-charge of the post they are on duty at that night hears of the no-show too. A
 * release by hand, a check-out or a surplus is the officer's own doing and sends nothing.
 */
@Injectable()
export class LodgingNoticesConsumer {
  constructor(
    private readonly notices: NoticeWriter,
    private readonly repository: NoticesRepository,
    private readonly env: NotifierEnv,
  ) {}

  @OnEvent(LodgingEvents.allocationCreated)
  async allocated(allocation: AllocationEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    await this.notices.write(em, envelope, {
      personnelIds: [allocation.personnelId],
      districtId: allocation.districtId,
      facts: { kind: 'lodging_allocated', bed: bedFacts(allocation, allocation.nights) },
    });
  }

  @OnEvent(LodgingEvents.allocationReleased)
  async released(event: AllocationReleasedEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    if (event.reason !== 'no_show' || event.released.length === 0) {
      return;
    }
    const { allocation } = event;
    const bed = bedFacts(allocation, event.released);
    const tz = this.env.RASAD_TIME_ZONE;
    const [person] = await this.repository.people(em, [allocation.personnelId]);
    if (!person) {
      throw new UnknownRecipientError(`personnel ${allocation.personnelId} not known to the notifier yet`);
    }
    const officers = await this.repository.inChargesOfNights(em, allocation.personnelId, event.released, tz);
    await this.notices.writeAll(em, [
      {
        envelope,
        request: {
          personnelIds: [allocation.personnelId],
          districtId: allocation.districtId,
          facts: { kind: 'lodging_no_show', bed },
        },
      },
      {
        envelope,
        request: {
          personnelIds: officers,
          districtId: allocation.districtId,
          facts: { kind: 'lodging_no_show_officer', bed, person },
        },
      },
    ]);
  }
}
