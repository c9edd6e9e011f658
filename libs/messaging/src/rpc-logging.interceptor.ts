import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { ServiceMetrics, SpanKind, TRACEPARENT, Tracing, contextFromTraceparent, withSpan } from '@rasad/common';
import { DomainError, ErrorCode, Headers } from '@rasad/contracts';
import { PinoLogger } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import type { MsgHdrs } from 'nats';
import { randomUUID } from 'node:crypto';
import { SpanStatusCode } from '@opentelemetry/api';
import { Observable, Subscriber, tap } from 'rxjs';
import { withRequestId } from './request-context';

/** How a message ended: answered, refused with a coded error the caller made (4xx), or failed (5xx, uncoded). */
export type RpcOutcome = 'ok' | 'refused' | 'failed';

const FAILURES = new Set<string>([ErrorCode.Internal, ErrorCode.Timeout, ErrorCode.ServiceUnavailable]);

function outcomeOf(error: unknown): RpcOutcome {
  const code = error instanceof DomainError ? error.code : (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && !FAILURES.has(code) ? 'refused' : 'failed';
}

/**
 * Around every NATS message a service handles: its request id in every log line, its handling time in
 * `rasad_rpc_duration_seconds` by subject and outcome, and, when tracing is on, a server span continuing the caller's
 * `traceparent`, active while the handler runs (so the events it records carry it).
 */
@Injectable()
export class RpcLoggingInterceptor implements NestInterceptor {
  private readonly duration;

  constructor(
    private readonly pino: PinoLogger,
    metrics: ServiceMetrics,
    private readonly tracing: Tracing,
  ) {
    this.duration = metrics.histogram('rasad_rpc_duration_seconds', 'NATS request handling time', [
      'subject',
      'outcome',
    ]);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rpc = context.switchToRpc().getContext<NatsContext>();
    const subject = rpc.getSubject();
    const headers = rpc.getHeaders() as MsgHdrs | undefined;
    const requestId = headers?.get(Headers.requestId) || randomUUID();
    const logger = this.pino.logger.child({ requestId, subject });
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    const span = this.tracing.enabled
      ? this.tracing.start(subject, SpanKind.SERVER, contextFromTraceparent(headers?.get(TRACEPARENT)), {
          'messaging.system': 'nats',
          'messaging.destination.name': subject,
          'rasad.request_id': requestId,
        })
      : undefined;
    let done = false;
    const answered = () => {
      if (done) {
        return;
      }
      done = true;
      const elapsed = seconds();
      this.duration.observe({ subject, outcome: 'ok' }, elapsed);
      span?.end();
      logger.debug({ ms: Math.round(elapsed * 1e6) / 1e3 }, 'handled');
    };
    const handle = (subscriber: Subscriber<unknown>) =>
      storage.run(new Store(logger), () => {
        withRequestId(requestId, () =>
          next
            .handle()
            .pipe(
              tap({
                // A handler answers once; one that completes without a value has answered too.
                next: () => answered(),
                complete: () => answered(),
                error: (error: { code?: string }) => {
                  const elapsed = seconds();
                  const outcome = outcomeOf(error);
                  this.duration.observe({ subject, outcome }, elapsed);
                  span?.setAttribute('rasad.error_code', error?.code ?? 'unknown');
                  if (outcome === 'failed') {
                    span?.setStatus({ code: SpanStatusCode.ERROR });
                  }
                  span?.end();
                  logger.info({ ms: Math.round(elapsed * 1e6) / 1e3, code: error?.code }, 'refused');
                },
              }),
            )
            .subscribe(subscriber),
        );
      });
    return new Observable((subscriber) => {
      if (span) {
        withSpan(span, () => handle(subscriber));
      } else {
        handle(subscriber);
      }
    });
  }
}
