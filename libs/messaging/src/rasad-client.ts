import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
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
import { TRACEPARENT, traceparentOf } from '@rasad/common';
import { ErrorCode as NatsErrorCode, NatsConnection, NatsError, connect, headers as natsHeaders } from 'nats';
import { randomUUID } from 'node:crypto';
import { NatsSettings, natsConnectionOptions } from './nats-options';
import { currentRequestId, currentScope } from './request-context';

export const RASAD_CLIENT_OPTIONS = Symbol('RASAD_CLIENT_OPTIONS');

export interface RasadClientOptions extends NatsSettings {
  timeoutMs: number;
}

export interface SendOptions {
  requestId?: string;
  /** Whose districts the service may show or change; see decodeScope for what its absence means. */
  scope?: CallerScope;
  timeoutMs?: number;
}

/** What a NestJS NATS handler answers: its value, or the error its exception filter made. */
interface ReplyPacket<T> {
  response?: T;
  err?: unknown;
}

/**
 * Request-reply over NATS, typed by the subject map; every failure comes back as a coded DomainError.
 *
 * It speaks NestJS's packet format ({pattern, data, id} out, {response | err} back) over nats.js's own request,
 * which shares one inbox subscription: Nest's ClientProxy subscribed and unsubscribed an inbox per request, and
 * those socket writes were the largest item in the gateway's profile.
 */
@Injectable()
export class RasadClient implements OnApplicationShutdown {
  private connecting?: Promise<NatsConnection>;

  constructor(@Inject(RASAD_CLIENT_OPTIONS) private readonly options: RasadClientOptions) {}

  /** The shared connection (made on first use; it reconnects forever). */
  connection(): Promise<NatsConnection> {
    this.connecting ??= connect(natsConnectionOptions(this.options));
    return this.connecting;
  }

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
    // The active span's (the gateway's HTTP request, a service's handler): null when tracing is off.
    const traceparent = traceparentOf();
    if (traceparent) {
      headers.set(TRACEPARENT, traceparent);
    }
    const scope = options.scope ?? currentScope();
    if (scope) {
      headers.set(Headers.scope, encodeScope(scope));
      if (scope.seesPersonalData) {
        headers.set(Headers.personalData, '1');
      }
    }
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const packet = JSON.stringify({ pattern: subject, data: payload, id: randomUUID() });
    let reply: ReplyPacket<RpcReply<S>>;
    try {
      const nc = await this.connection();
      const message = await nc.request(subject, Buffer.from(packet), { timeout: timeoutMs, headers });
      reply = message.json<ReplyPacket<RpcReply<S>>>();
    } catch (error) {
      throw this.transportError(subject, timeoutMs, error);
    }
    if (reply.err !== undefined && reply.err !== null) {
      throw isRpcErrorPayload(reply.err)
        ? new DomainError(reply.err.code, reply.err.message, reply.err.errors, reply.err.details)
        : new DomainError(ErrorCode.Internal, `${subject} failed`);
    }
    return reply.response as RpcReply<S>;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connecting) {
      const nc = await this.connecting;
      await nc.drain().catch(() => nc.close());
    }
  }

  private transportError(subject: string, timeoutMs: number, error: unknown): DomainError {
    const code = (error as NatsError | undefined)?.code as NatsErrorCode | undefined;
    if (code === NatsErrorCode.Timeout) {
      return new DomainError(ErrorCode.Timeout, `${subject} did not answer within ${timeoutMs} ms`);
    }
    if (code === NatsErrorCode.NoResponders) {
      return new DomainError(ErrorCode.ServiceUnavailable, `No service is answering ${subject}`);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new DomainError(ErrorCode.ServiceUnavailable, `${subject} failed: ${message}`);
  }
}
