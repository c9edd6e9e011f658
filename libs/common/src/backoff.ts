export interface Backoff {
  /** The wait after the first failure. */
  baseMs: number;
  /** No wait is ever longer. */
  maxMs: number;
}

/**
 * How long to wait after failure number `attempt` (1-based): the base, doubling with each failure, capped. The one
 * backoff of the project: failed deliveries, redelivered events and polling workers whose round failed all use it.
 */
export function backoffMs(attempt: number, { baseMs, maxMs }: Backoff): number {
  // The exponent is capped before it can overflow: 2 ** 60 ms is already beyond any sensible cap.
  const doublings = Math.min(Math.max(Math.floor(attempt) - 1, 0), 60);
  return Math.min(baseMs * 2 ** doublings, maxMs);
}
