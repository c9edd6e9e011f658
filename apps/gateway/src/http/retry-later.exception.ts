import { HttpException, HttpStatus } from '@nestjs/common';

/** A refusal the caller should retry: the error filter sends `retryAfterSeconds` as the Retry-After header. */
export class RetryLaterException extends HttpException {
  constructor(
    status: HttpStatus.TOO_MANY_REQUESTS | HttpStatus.SERVICE_UNAVAILABLE,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, status);
  }
}
