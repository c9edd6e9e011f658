import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventEnvelope, ReadinessDigestIssuedEvent, ReadinessEvents } from '@rasad/contracts';
import { OnEvent } from '@rasad/messaging';
import { RANKS, rankOrder } from '@rasad/personnel';
import { DirectoryRepository } from '../directory/directory.repository';
import { NotifierEnv } from '../notifier.env';
import { NoticeWriter } from './notice-writer';

/**
 * Readiness's daily digest goes to the district's commanders: the people the notifier knows in that district
 * (`servingIn`: home district, or a live duty at a post there) at DIGEST_MIN_RANK or above, DSP by default. The
 * notifier's copy of the roster holds no appointments and no deactivations, so rank and district are what it can
 * tell a commander by. A district with none gets nothing; the digest stays in readiness's table and outbox.
 */
@Injectable()
export class ReadinessNoticesConsumer {
  private readonly ranks: (typeof RANKS)[number][];

  constructor(
    private readonly notices: NoticeWriter,
    private readonly directory: DirectoryRepository,
    env: NotifierEnv,
  ) {
    this.ranks = RANKS.filter((rank) => rankOrder(rank) >= rankOrder(env.DIGEST_MIN_RANK));
  }

  @OnEvent(ReadinessEvents.digestIssued)
  async digest(digest: ReadinessDigestIssuedEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    const commanders = await this.directory.commanders(em, digest.districtId, this.ranks);
    await this.notices.write(em, envelope, {
      personnelIds: commanders,
      districtId: digest.districtId,
      facts: { kind: 'readiness_digest', digest },
    });
  }
}
