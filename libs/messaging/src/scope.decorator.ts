import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { CallerScope, Headers, decodeScope } from '@rasad/contracts';
import type { MsgHdrs } from 'nats';

/** The caller's districts, from the header the gateway sets on every request. */
export const Scope = createParamDecorator((_data: unknown, context: ExecutionContext): CallerScope => {
  const headers = context.switchToRpc().getContext<NatsContext>().getHeaders() as MsgHdrs | undefined;
  return decodeScope(headers?.get(Headers.scope));
});
