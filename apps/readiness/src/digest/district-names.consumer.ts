import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DistrictEvent, RosterEvents } from '@rasad/contracts';
import { EventOf, OnEventBatch } from '@rasad/messaging';
import { SourcesRepository } from '../verdicts/sources.repository';
import { DigestRepository } from './digest.repository';

/** Districts' names, from the roster's events: the digest names its district ("Haripur: 92% ready"). */
@Injectable()
export class DistrictNamesConsumer {
  constructor(
    private readonly digests: DigestRepository,
    private readonly sources: SourcesRepository,
  ) {}

  @OnEventBatch(RosterEvents.districtCreated, RosterEvents.districtUpdated)
  async districts(events: EventOf<DistrictEvent>[], em: EntityManager): Promise<void> {
    await this.digests.upsertDistricts(em, events);
    // Counted as the roster's like its other events, so freshness does not see them as unapplied.
    await this.sources.recordApplied(
      em,
      events.map(({ envelope }) => envelope),
    );
  }
}
