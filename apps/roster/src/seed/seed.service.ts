import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { RosterEnv } from '../roster.env';
import { RosterEvents } from '@rasad/contracts';
import { NewEvent, Outbox } from '@rasad/messaging';
import { HaripurDemo, buildHaripurDemo } from './haripur-demo';
import { SeedRepository } from './seed.repository';

/** Loads the deterministic Haripur demo district; the roster's own constraints check it on the way in. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly env: RosterEnv,
    private readonly outbox: Outbox,
    private readonly seed: SeedRepository,
  ) {}

  async loadHaripur({ onlyIfEmpty }: { onlyIfEmpty: boolean }): Promise<{ loaded: boolean }> {
    const em = this.em.fork();
    if ((await this.seed.districtCount(em)) > 0) {
      if (!onlyIfEmpty) {
        this.logger.warn('the roster already has districts; demo data is loaded only into an empty roster');
      }
      return { loaded: false };
    }
    const demo = buildHaripurDemo();
    await em.transactional(async (tx) => {
      await this.seed.insert(tx, demo);
      // Every other service learns the demo roster the way it learns any roster: from its events.
      await this.outbox.insertMany(tx, demoEvents(demo));
    });
    this.logger.log(
      {
        posts: demo.posts.length,
        personnel: demo.personnel.length,
        assignments: demo.assignments.length,
        zone: this.env.RASAD_TIME_ZONE,
      },
      'loaded the Haripur demo district',
    );
    return { loaded: true };
  }
}

function demoEvents(demo: HaripurDemo): NewEvent[] {
  return [
    ...demo.districts.map((district): NewEvent => ({
      subject: RosterEvents.districtCreated,
      aggregateId: district.id,
      payload: { id: district.id, code: district.code, name: district.name, province: district.province },
    })),
    ...demo.posts.map((post): NewEvent => ({
      subject: RosterEvents.postCreated,
      aggregateId: post.id,
      payload: post,
    })),
    ...demo.personnel.map(({ cnic: _cnic, ...person }): NewEvent => ({
      subject: RosterEvents.personnelRegistered,
      aggregateId: person.id,
      payload: { ...person, active: true, deactivatedAt: null, deactivationReason: null },
    })),
    ...demo.assignments.map((duty): NewEvent => ({
      subject: RosterEvents.assignmentCreated,
      aggregateId: duty.id,
      payload: {
        ...duty,
        startsAt: new Date(duty.startsAt).toISOString(),
        endsAt: new Date(duty.endsAt).toISOString(),
      },
    })),
  ];
}
