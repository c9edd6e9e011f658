import { DEFAULT_PAGE_SIZE, DomainError, ErrorCode, Page, PageQuery } from '@rasad/contracts';

function invalid(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, `Invalid ${field}: ${message}`, [{ field, message }]);
}

/**
 * A page of a list computed in code rather than read from a table (headcounts: the shared meal rules decide who
 * counts), in the order given, with the same `{items, nextCursor, total}` and opaque cursor as `pageRows`. The cursor
 * names the last item's key, so a page boundary holds while the list changes between pages.
 */
export function computedPage<T extends { id: string }>(items: readonly T[], query: PageQuery): Page<T> {
  if (query.sort !== undefined) {
    throw invalid(
      'sort',
      'sort is not taken by this list: this list comes in its own order (headcounts by post and slot; plans filtered by flag by slot and post)',
    );
  }
  let start = 0;
  if (query.cursor !== undefined) {
    let after: unknown;
    try {
      after = (JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as { k?: unknown }).k;
    } catch {
      after = undefined;
    }
    if (typeof after !== 'string') {
      throw invalid('cursor', 'cursor must be the nextCursor of the previous page');
    }
    const index = items.findIndex((item) => item.id === after);
    start = index === -1 ? items.findIndex((item) => item.id > after) : index + 1;
    start = start === -1 ? items.length : start;
  }
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const shown = items.slice(start, start + limit);
  const more = start + limit < items.length;
  const last = shown[shown.length - 1];
  return {
    items: shown,
    nextCursor: more && last ? Buffer.from(JSON.stringify({ s: 'natural', k: last.id })).toString('base64url') : null,
    total: items.length,
  };
}
