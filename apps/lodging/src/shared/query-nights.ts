import { toLocalDate } from '@rasad/duty-assignments';

/**
 * The nights a list query's `from` and `to` name. The gateway has made a bare date an instant (`from` the start of
 * that local day, `to` the start of the next): `to` is exclusive, so its last night is the day before.
 */
export function nightsOfQuery(query: { from?: string; to?: string }, timeZone: string): { from?: string; to?: string } {
  return {
    from: query.from ? toLocalDate(new Date(query.from), timeZone) : undefined,
    to: query.to ? toLocalDate(new Date(new Date(query.to).getTime() - 1), timeZone) : undefined,
  };
}
