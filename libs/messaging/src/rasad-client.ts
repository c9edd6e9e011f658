import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy, NatsRecordBuilder } from '@nestjs/microservices';
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import {
  CallerScope,
  DomainError,
  ErrorCode,
  Headers,
  RpcReply,
  RpcRequest,
  RpcSubject,
  encodeScope,
  isRpcErrorPayload,
} from '@rasad/contracts';
import { headers as natsHeaders } from 'nats';
import { TimeoutError, firstValueFrom, timeout } from 'rxjs';
import { currentRequestId, currentScope } from './request-context';

export const RASAD_NATS_CLIENT = Symbol('RASAD_NATS_CLIENT');
export const RASAD_CLIENT_OPTIONS = Symbol('RASAD_CLIENT_OPTIONS');

export interface RasadClientOptions {
  timeoutMs: number;
}

export interface SendOptions {
  requestId?: string;
  /** Whose districts the service may show or change; see decodeScope for what its absence means. */
  scope?: CallerScope;
  timeoutMs?: number;
}

/** Request-reply over NATS, typed by the subject map; every failure comes back as a coded DomainError. */
@Injectable()
export class RasadClient implements OnApplicationShutdown {
  constructor(
    @Inject(RASAD_NATS_CLIENT) private readonly client: ClientProxy,
    @Inject(RASAD_CLIENT_OPTIONS) private readonly options: RasadClientOptions,
  ) {}

  async send<S extends RpcSubject>(
    subject: S,
    payload: RpcRequest<S>,
    options: SendOptions = {},
  ): Promise<RpcReply<S>> {
    const headers = natsHeaders();
    const requestId = options.requestId ?? currentRequestId();
    if (requestId) {
      headers.set(Headers.requestId, requestId);
    }
    const scope = options.scope ?? currentScope();
    if (scope) {
      headers.set(Headers.scope, encodeScope(scope));
    }
    const record = new NatsRecordBuilder(payload).setHeaders(headers).build();
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    try {
      return await firstValueFrom(this.client.send<RpcReply<S>>(subject, record).pipe(timeout(timeoutMs)));
    } catch (error) {
      throw this.toDomainError(subject, timeoutMs, error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  private toDomainError(subject: string, timeoutMs: number, error: unknown): DomainError {
    if (isRpcErrorPayload(error)) {
      return new DomainError(error.code, error.message, error.errors, error.details);
    }
    if (error instanceof TimeoutError) {
      return new DomainError(ErrorCode.Timeout, `${subject} did not answer within ${timeoutMs} ms`);
    }
    if (error instanceof EmptyResponseException || (error as { code?: string })?.code === '503') {
      return new DomainError(ErrorCode.ServiceUnavailable, `No service is answering ${subject}`);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new DomainError(ErrorCode.ServiceUnavailable, `${subject} failed: ${message}`);
  }
}
