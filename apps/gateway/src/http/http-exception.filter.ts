import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, httpStatusFor } from '@rasad/contracts';
import { redactPersonalData } from '@rasad/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestIdOf } from './request-id.decorator';
import { RetryLaterException } from './retry-later.exception';

/** One shape for every error the API answers: {code, message, errors?, details?, requestId}. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = requestIdOf(request);
    const { status, body } = this.describe(exception);
    if (status >= 500 && !(exception instanceof RetryLaterException)) {
      // Only the redacted text: a driver error carries the failing statement with its bound values (CNICs, phones).
      this.logger.error({ requestId, code: body.code }, `${String(body.message)}: ${describeForLog(exception)}`);
    }
    if (exception instanceof RetryLaterException) {
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    }
    if (status === 429 && !reply.hasHeader('retry-after')) {
      // The throttler names its header after the limit (Retry-After-login); clients look for the standard one.
      const named = Object.entries(reply.getHeaders()).find(([name]) => name.toLowerCase().startsWith('retry-after-'));
      if (named) {
        void reply.header('retry-after', named[1]);
      }
    }
    void reply
      .status(status)
      .header('x-request-id', requestId)
      .send({ ...body, requestId });
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof DomainError) {
      const { code, message, errors, details } = exception;
      return { status: httpStatusFor(code), body: { code, message, errors, details } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const given = typeof response === 'string' ? response : (response as { message?: string | string[] }).message;
      const message = given ?? exception.message;
      return {
        status,
        body: { code: `HTTP.${status}`, message: Array.isArray(message) ? message.join('; ') : message },
      };
    }
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { status: fastifyStatus, body: { code: `HTTP.${fastifyStatus}`, message: (exception as Error).message } };
    }
    return {
      status: 500,
      body: {
        code: ErrorCode.Internal,
        message: 'Something went wrong on our side; quote the requestId when reporting it',
      },
    };
  }
}

function describeForLog(exception: unknown): string {
  return redactPersonalData(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
}
