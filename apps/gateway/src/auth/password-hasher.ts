import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { GatewayEnv } from '../gateway.env';
import { RetryLaterException } from '../http/retry-later.exception';
import { ConcurrencyLimit, LimitReachedError } from './concurrency-limit';
import { hashPassword, verifyPassword } from './passwords';

/** How long a sign-in may wait for a free hashing slot before it is told to come back. */
const WAIT_MS = 3_000;

/** Verifying against this when the user does not exist keeps the answer time the same as a wrong password. */
const DUMMY_HASH = hashPassword('rasad-timing-equaliser');

/**
 * Every argon2 hash the gateway computes goes through here: each takes 19 MiB and a core for tens of
 * milliseconds, so a login flood that ran them all at once would exhaust the gateway's memory and CPU.
 */
@Injectable()
export class PasswordHasher {
  readonly limit: ConcurrencyLimit;

  constructor(@Inject(GatewayEnv) env: GatewayEnv) {
    this.limit = new ConcurrencyLimit(env.PASSWORD_HASHES_AT_ONCE, env.PASSWORD_HASH_QUEUE, WAIT_MS);
  }

  hash(password: string): Promise<string> {
    return this.limited(() => hashPassword(password));
  }

  /** `hash` null (no such user) still costs a full verification. */
  verify(hash: string | null | undefined, password: string): Promise<boolean> {
    return this.limited(async () => verifyPassword(hash ?? (await DUMMY_HASH), password));
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await this.limit.run(task);
    } catch (error) {
      if (error instanceof LimitReachedError) {
        throw new RetryLaterException(
          HttpStatus.SERVICE_UNAVAILABLE,
          'Too many sign-ins at once; try again in a moment',
          1,
        );
      }
      throw error;
    }
  }
}
