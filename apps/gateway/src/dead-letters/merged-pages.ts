import { DomainError, ErrorCode, Page } from '@rasad/contracts';

/**
 * Where each service's list stands in a merged list: the cursor to continue it from, null once it is read to the
 * end; a service not named starts from the top.
 */
export type Positions = Record<string, string | null>;

/** One service's page, read from its position. */
export interface ServicePage<T> extends Page<T> {
  service: string;
}

/**
 * The first `limit` items of several lists, each already in the list's order, merged in that order (`before`). Each
 * list's items are taken in their own order, so what is taken of each is a prefix of its page: `taken` says how long.
 */
export function mergePages<T>(
  pages: readonly ServicePage<T>[],
  limit: number,
  before: (x: T, y: T) => boolean,
): { items: T[]; taken: Map<string, number> } {
  const taken = new Map(pages.map((page) => [page.service, 0]));
  const items: T[] = [];
  while (items.length < limit) {
    let next: ServicePage<T> | undefined;
    for (const page of pages) {
      const head = page.items[taken.get(page.service)!];
      if (head !== undefined && (!next || before(head, next.items[taken.get(next.service)!]))) {
        next = page;
      }
    }
    if (!next) {
      break;
    }
    items.push(next.items[taken.get(next.service)!]);
    taken.set(next.service, taken.get(next.service)! + 1);
  }
  return { items, taken };
}

export function writePositions(positions: Positions): string {
  return Buffer.from(JSON.stringify(positions)).toString('base64url');
}

/** The positions a merged list's cursor holds, each of one of `services`; anything else is a 400 naming `cursor`. */
export function readPositions(cursor: string, services: readonly string[]): Positions {
  let positions: unknown;
  try {
    positions = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // Not ours: answered below.
  }
  const wellFormed =
    typeof positions === 'object' &&
    positions !== null &&
    !Array.isArray(positions) &&
    Object.entries(positions).every(
      ([service, at]) => services.includes(service) && (at === null || typeof at === 'string'),
    );
  if (!wellFormed) {
    const message = 'cursor must be the nextCursor of the previous page';
    throw new DomainError(ErrorCode.ValidationFailed, `Invalid cursor: ${message}`, [{ field: 'cursor', message }]);
  }
  return positions as Positions;
}
