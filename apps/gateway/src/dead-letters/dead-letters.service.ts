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
import { Positions, mergePages, readPositions, writePositions } from './merged-pages';

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
    return this.merged(services, rest);
  }

  /**
   * Every service's dead letters as one list, in the list's order, paged by a cursor that holds where each service's
   * list stands; the total is theirs together.
   */
  private async merged(
    services: string[],
    query: Omit<ListDeadLettersQuery, 'service'>,
  ): Promise<Page<DeadLetterView>> {
    const { limit = DEFAULT_PAGE_SIZE, sort, includeReplayed, cursor } = query;
    const positions = cursor === undefined ? {} : readPositions(cursor, services);
    const read = (service: string, size: number, after?: string) =>
      this.rasad.send(deadLetterSubjects(service).list, {
        limit: size,
        sort,
        includeReplayed,
        ...(after === undefined ? {} : { cursor: after }),
      });
    const pages = await Promise.all(
      services.map(async (service) => {
        const at = positions[service];
        // A list read to the end gives no more items, only its total.
        const page =
          at === null ? { ...(await read(service, 1)), items: [], nextCursor: null } : await read(service, limit, at);
        return { service, ...page };
      }),
    );
    const oldestFirst = sort === 'failedAt';
    const { items, taken } = mergePages(pages, limit, (x, y) => {
      const order = x.failedAt.localeCompare(y.failedAt) || x.id.localeCompare(y.id);
      return oldestFirst ? order < 0 : order > 0;
    });
    const next: Positions = {};
    for (const page of pages) {
      const count = taken.get(page.service)!;
      const at = positions[page.service];
      if (count === page.items.length) {
        next[page.service] = at === null ? null : page.nextCursor;
      } else if (count > 0) {
        // Part of this page was taken: the cursor after its last item taken is that of a page that long.
        next[page.service] = (await read(page.service, count, at ?? undefined)).nextCursor;
      } else if (at !== undefined) {
        next[page.service] = at;
      }
    }
    const done = services.every((service) => next[service] === null);
    return {
      items,
      nextCursor: done ? null : writePositions(next),
      total: pages.reduce((sum, page) => sum + page.total, 0),
    };
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
