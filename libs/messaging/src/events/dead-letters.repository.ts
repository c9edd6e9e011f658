import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { ListOrder, pageRows } from '@rasad/common';
import { EventEnvelope, ListDeadLettersQuery, Page } from '@rasad/contracts';
import { EVENTS_OPTIONS, EventsOptions } from './outbox';

export interface DeadLetterRow {
  id: string;
  event_id: string;
  subject: string;
  envelope: EventEnvelope;
  error: string;
  deliveries: number;
  failed_at: Date | string;
  replayed_at: Date | string | null;
}

/** Dead letters are read newest first: what broke last is what the engineer on call is looking for. */
const DEAD_LETTER_ORDER: ListOrder = { keys: { failedAt: 'failed_at' }, natural: '-failedAt' };

/** The service's dead_letter table. */
@Injectable()
export class DeadLettersRepository {
  constructor(@Inject(EVENTS_OPTIONS) private readonly options: EventsOptions) {}

  /** A page of the dead letters, those already replayed only when asked. */
  list<V>(em: EntityManager, query: ListDeadLettersQuery, toView: (row: DeadLetterRow) => V): Promise<Page<V>> {
    const sql = `select * from ${this.options.schema}.dead_letter where ?::boolean or replayed_at is null`;
    return pageRows(em, { sql, params: [query.includeReplayed === true] }, query, toView, DEAD_LETTER_ORDER);
  }

  async find(em: EntityManager, id: string): Promise<DeadLetterRow | undefined> {
    const [row] = await em.execute<DeadLetterRow[]>(`select * from ${this.options.schema}.dead_letter where id = ?`, [
      id,
    ]);
    return row;
  }

  async markReplayed(em: EntityManager, id: string): Promise<DeadLetterRow> {
    const [row] = await em.execute<DeadLetterRow[]>(
      `update ${this.options.schema}.dead_letter set replayed_at = now() where id = ? returning *`,
      [id],
    );
    return row;
  }
}
