import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { DeadLetterView, DomainError, ErrorCode, ListDeadLettersQuery, Page } from '@rasad/contracts';
import { DeadLetterRow, DeadLettersRepository } from './dead-letters.repository';
import { EventConsumer } from './event-consumer';
import { EVENTS_OPTIONS, EventsOptions } from './outbox';

/** Lists a service's poison events and replays one through its handler, once the cause is fixed. */
@Injectable()
export class DeadLettersService {
  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
    private readonly orm: MikroORM,
    private readonly consumer: EventConsumer,
    private readonly deadLetters: DeadLettersRepository,
  ) {}

  /** Newest first, with the total; those already replayed only when asked. */
  list(query: ListDeadLettersQuery): Promise<Page<DeadLetterView>> {
    return this.deadLetters.list(this.orm.em.fork(), query, (row) => this.view(row));
  }

  async replay(id: string): Promise<DeadLetterView> {
    const em = this.orm.em.fork();
    const row = await this.deadLetters.find(em, id);
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
    return this.view(await this.deadLetters.markReplayed(em, id));
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
