import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { Headers } from '@rasad/contracts';
import { PinoLogger } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import type { MsgHdrs } from 'nats';
import { randomUUID } from 'node:crypto';
import { Observable, tap } from 'rxjs';
import { withRequestId } from './request-context';

/** Carries the gateway's request id into every log line a NATS handler writes, and logs each message. */
@Injectable()
export class RpcLoggingInterceptor implements NestInterceptor {
  constructor(private readonly pino: PinoLogger) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rpc = context.switchToRpc().getContext<NatsContext>();
    const subject = rpc.getSubject();
    const headers = rpc.getHeaders() as MsgHdrs | undefined;
    const requestId = headers?.get(Headers.requestId) || randomUUID();
    const logger = this.pino.logger.child({ requestId, subject });
    const started = process.hrtime.bigint();
    const elapsed = () => Number((process.hrtime.bigint() - started) / 1000n) / 1000;
    return new Observable((subscriber) => {
      storage.run(new Store(logger), () => {
        withRequestId(requestId, () =>
          next
            .handle()
            .pipe(
              tap({
                next: () => logger.debug({ ms: elapsed() }, 'handled'),
                error: (error: { code?: string }) => logger.info({ ms: elapsed(), code: error?.code }, 'refused'),
              }),
            )
            .subscribe(subscriber),
        );
      });
    });
  }
}
