import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_PAGE_SIZE,
  DeadLetterView,
  DomainError,
  ErrorCode,
  ListDeadLettersQuery,
  Page,
  deadLetterSubjects,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { maskPersonalData } from '../audit/personal-data';
import { GatewayEnv } from '../gateway.env';

/** Dead letters live with each consuming service; the gateway asks them all, or the one named. */
@Injectable()
export class DeadLettersService {
  private readonly consumers: string[];

  constructor(
    private readonly rasad: RasadClient,
    @Inject(GatewayEnv) env: GatewayEnv,
  ) {
    this.consumers = env.RASAD_EVENT_CONSUMERS.split(',').filter((name) => name !== 'none');
  }

  /** Envelopes carry what the event carried (phones in an SMS, a person's CNIC): masked for every reader. */
  async list(query: ListDeadLettersQuery): Promise<Page<DeadLetterView>> {
    return maskPersonalData(await this.fetch(query)) as Page<DeadLetterView>;
  }

  private async fetch(query: ListDeadLettersQuery): Promise<Page<DeadLetterView>> {
    const { service, ...rest } = query;
    const services = this.services(service);
    if (services.length === 1) {
      return this.rasad.send(deadLetterSubjects(services[0]).list, rest);
    }
    if (rest.cursor !== undefined) {
      const message = "a cursor pages one service's dead letters: name the service";
      throw new DomainError(ErrorCode.ValidationFailed, message, [{ field: 'cursor', message }]);
    }
    // Across services a single cursor cannot continue every list: the first page of each, merged in the list's
    // order, with the total of all; naming a service pages further.
    const { limit = DEFAULT_PAGE_SIZE, sort, includeReplayed } = rest;
    const pages = await Promise.all(
      services.map((s) => this.rasad.send(deadLetterSubjects(s).list, { limit, sort, includeReplayed })),
    );
    const oldestFirst = sort === 'failedAt';
    const items = pages
      .flatMap((p) => p.items)
      .sort((x, y) => (oldestFirst ? 1 : -1) * (x.failedAt.localeCompare(y.failedAt) || x.id.localeCompare(y.id)))
      .slice(0, limit);
    return { items, nextCursor: null, total: pages.reduce((sum, p) => sum + p.total, 0) };
  }

  async replay(id: string, service: string | undefined): Promise<DeadLetterView> {
    for (const candidate of this.services(service)) {
      try {
        const replayed = await this.rasad.send(deadLetterSubjects(candidate).replay, { id });
        return maskPersonalData(replayed) as DeadLetterView;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === ErrorCode.NotFound)) {
          throw error;
        }
      }
    }
    throw DomainError.notFound('dead letter', id);
  }

  private services(service: string | undefined): string[] {
    if (!service) {
      return this.consumers;
    }
    if (!this.consumers.includes(service)) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `service must be one of: ${this.consumers.join(', ') || '(none)'}`,
        [{ field: 'service', message: `${service} has no event handlers here` }],
      );
    }
    return [service];
  }
}
