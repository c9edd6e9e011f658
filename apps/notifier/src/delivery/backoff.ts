export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

/** After a failed attempt number `attempts` (1-based): when to try again, or null when it has had all its tries. */
export function retryDelayMs(attempts: number, policy: RetryPolicy): number | null {
  if (attempts >= policy.maxAttempts) {
    return null;
  }
  // Capped before it can overflow: 2 ** 60 ms is already beyond any sensible cap.
  return Math.min(policy.baseMs * 2 ** Math.min(attempts - 1, 60), policy.maxMs);
}
