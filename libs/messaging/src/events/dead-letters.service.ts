import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { DeadLetterView, DomainError, ErrorCode, EventEnvelope, ListDeadLettersQuery, Page } from '@rasad/contracts';
import { EventConsumer } from './event-consumer';
import { EVENTS_OPTIONS, EventsOptions } from './outbox';

interface DeadLetterRow {
  id: string;
  event_id: string;
  subject: string;
  envelope: EventEnvelope;
  error: string;
  deliveries: number;
  failed_at: Date;
  replayed_at: Date | null;
}

/** Lists a service's poison events and replays one through its handler, once the cause is fixed. */
@Injectable()
export class DeadLettersService {
  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
    private readonly orm: MikroORM,
    private readonly consumer: EventConsumer,
  ) {}

  async list(query: ListDeadLettersQuery): Promise<Page<DeadLetterView>> {
    const limit = query.limit ?? 50;
    const rows = await this.orm.em.fork().execute<DeadLetterRow[]>(
      `select * from ${this.options.schema}.dead_letter
       where (?::uuid is null or id > ?::uuid) and (?::boolean or replayed_at is null)
       order by id limit ?`,
      [query.cursor ?? null, query.cursor ?? null, query.includeReplayed === true, limit + 1],
    );
    const more = rows.length > limit;
    const items = (more ? rows.slice(0, limit) : rows).map((row) => this.view(row));
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }

  async replay(id: string): Promise<DeadLetterView> {
    const em = this.orm.em.fork();
    const [row] = await em.execute<DeadLetterRow[]>(`select * from ${this.options.schema}.dead_letter where id = ?`, [
      id,
    ]);
    if (!row) {
      throw DomainError.notFound('dead letter', id);
    }
    if (row.replayed_at) {
      throw new DomainError(
        ErrorCode.InvalidState,
        `dead letter ${id} was already replayed at ${new Date(row.replayed_at).toISOString()}`,
      );
    }
    const handler = this.consumer.handlerFor(row.subject);
    if (!handler) {
      throw new DomainError(ErrorCode.InvalidState, `${this.options.service} no longer handles ${row.subject}`);
    }
    try {
      await this.consumer.apply(row.envelope, handler);
    } catch (error) {
      throw new DomainError(ErrorCode.InvalidState, `replay of ${id} failed again: ${(error as Error).message}`);
    }
    const [replayed] = await em.execute<DeadLetterRow[]>(
      `update ${this.options.schema}.dead_letter set replayed_at = now() where id = ? returning *`,
      [id],
    );
    return this.view(replayed);
  }

  private view(row: DeadLetterRow): DeadLetterView {
    return {
      id: row.id,
      service: this.options.service,
      eventId: row.event_id,
      subject: row.subject,
      envelope: row.envelope,
      error: row.error,
      deliveries: row.deliveries,
      failedAt: new Date(row.failed_at).toISOString(),
      replayedAt: row.replayed_at ? new Date(row.replayed_at).toISOString() : null,
    };
  }
}
