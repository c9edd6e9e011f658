import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { listToCsv } from '@rasad/common';
import { DomainError, ErrorCode, MAX_PAGE_SIZE } from '@rasad/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, firstValueFrom, from } from 'rxjs';

/** More rows than this in one spreadsheet means the filters are too wide for anyone to read it. */
export const MAX_CSV_ROWS = 100_000;

const CSV_EXPORT = Symbol('rasad:csv-export');

type ExportRequest = FastifyRequest & { [CSV_EXPORT]?: boolean };

interface Page {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

const isPage = (value: unknown): value is Page =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as Page).items) &&
  'nextCursor' in (value as Record<string, unknown>);

export function wantsCsv(request: FastifyRequest): boolean {
  const query = request.query as Record<string, unknown> | undefined;
  return query?.format === 'csv' || /\btext\/csv\b/i.test(request.headers.accept ?? '');
}

/**
 * Every list as a spreadsheet (`?format=csv` or `Accept: text/csv`): the route runs page after page, with the
 * caller's own scope and masking, and the whole list goes out as CSV. The pages are gathered here; the CSV is
 * written in `csvOnSend`, after every other interceptor has had its say on the items (masking, local times).
 */
@Injectable()
export class CsvListsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') {
      return next.handle();
    }
    const request = context.switchToHttp().getRequest<ExportRequest>();
    if (request.method !== 'GET' || !wantsCsv(request)) {
      return next.handle();
    }
    request[CSV_EXPORT] = true;
    return from(this.allPages(request, next));
  }

  /**
   * Re-subscribing runs the route again, inner interceptors and pipes included, reading `request.query` anew: one
   * page per run, by cursor. (An inner interceptor may have replaced the query object, so it is set each time.)
   */
  private async allPages(request: FastifyRequest, next: CallHandler): Promise<unknown> {
    const pageQuery = (cursor?: string) => {
      const { format: _format, cursor: _cursor, ...query } = request.query as Record<string, unknown>;
      request.query = { ...query, limit: String(MAX_PAGE_SIZE), ...(cursor ? { cursor } : {}) };
    };
    pageQuery();
    const first: unknown = await firstValueFrom(next.handle());
    if (!isPage(first)) {
      // Not a list (a calendar feed, one record): it answers as it would have; csvOnSend must not read it as JSON.
      delete (request as ExportRequest)[CSV_EXPORT];
      return first;
    }
    const items = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      pageQuery(cursor);
      const page = (await firstValueFrom(next.handle())) as Page;
      items.push(...page.items);
      if (items.length > MAX_CSV_ROWS) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `more than ${MAX_CSV_ROWS} rows: narrow the filters to export this list`,
          [{ field: 'format', message: `more than ${MAX_CSV_ROWS} rows` }],
        );
      }
      cursor = page.nextCursor;
    }
    return { items, nextCursor: null };
  }
}

/** Fastify onSend: a list gathered for export goes out as CSV instead of JSON. */
export function csvOnSend(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: Error | null, payload?: unknown) => void,
): void {
  try {
    done(null, csvPayload(request, reply, payload));
  } catch (error) {
    done(error as Error);
  }
}

function csvPayload(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (!(request as ExportRequest)[CSV_EXPORT] || reply.statusCode !== 200 || typeof payload !== 'string') {
    return payload;
  }
  const answer = JSON.parse(payload) as unknown;
  if (!isPage(answer)) {
    return payload;
  }
  const name = request.url.split('?')[0].split('/').filter(Boolean).pop() ?? 'list';
  void reply.header('content-type', 'text/csv; charset=utf-8');
  void reply.header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}.csv"`);
  return listToCsv(answer.items);
}
