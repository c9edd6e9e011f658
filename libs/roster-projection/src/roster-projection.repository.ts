import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { PersonnelEvent, PostEvent } from '@rasad/contracts';
import { DutyStatus } from '@rasad/duty-assignments';
import { EventOf } from '@rasad/messaging';
import { DutyEvent, HeldDuty } from './duty-changes';
import { ROSTER_PROJECTION_OPTIONS, RosterProjectionOptions } from './roster-projection.options';
import { upsertDutiesSql, upsertPersonnelSql, upsertPostsSql } from './roster-projection.sql';

/** A run's records as one JSON recordset: each payload with the id of the event that carried it. */
const recordset = <P extends object>(rows: readonly { payload: P; envelope: { id: string } }[]) =>
  JSON.stringify(rows.map(({ payload, envelope }) => ({ ...payload, eventId: envelope.id })));

/** The projection's writes: one statement per run of events. */
@Injectable()
export class RosterProjectionRepository {
  private readonly personnelSql: string;
  private readonly postsSql: string;
  private readonly dutiesSql: { latest: string; new: string };

  constructor(@Inject(ROSTER_PROJECTION_OPTIONS) options: RosterProjectionOptions) {
    this.personnelSql = upsertPersonnelSql(options);
    this.postsSql = upsertPostsSql(options.schema, options);
    this.dutiesSql = { latest: upsertDutiesSql(options.schema, 'latest'), new: upsertDutiesSql(options.schema, 'new') };
  }

  async upsertPersonnel(em: EntityManager, people: readonly EventOf<PersonnelEvent>[]): Promise<void> {
    await em.execute(this.personnelSql, [recordset(people)]);
  }

  async upsertPosts(em: EntityManager, posts: readonly EventOf<PostEvent>[]): Promise<void> {
    await em.execute(this.postsSql, [recordset(posts)]);
  }

  /** Writes a run of duty events of one kind; answers what was held of their duties before it. */
  async upsertDuties(em: EntityManager, events: readonly DutyEvent[]): Promise<Map<string, HeldDuty>> {
    const duties = JSON.stringify(events.map(({ duty, envelope }) => ({ ...duty, eventId: envelope.id })));
    const rows = await em.execute<{ id: string; status: DutyStatus; event_id: string | null }[]>(
      this.dutiesSql[events.every((event) => event.kind === 'created') ? 'new' : 'latest'],
      [duties, duties],
    );
    return new Map(rows.map((row) => [row.id, { status: row.status, eventId: row.event_id }]));
  }
}
