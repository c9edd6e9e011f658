import { Backoff, backoffMs } from '@rasad/common';

export interface RetryPolicy extends Backoff {
  maxAttempts: number;
}

/** After a failed attempt number `attempts` (1-based): when to try again, or null when it has had all its tries. */
export function retryDelayMs(attempts: number, policy: RetryPolicy): number | null {
  return attempts >= policy.maxAttempts ? null : backoffMs(attempts, policy);
}
