import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { CallerScope, Headers, decodeScope } from '@rasad/contracts';
import type { MsgHdrs } from 'nats';

/** The caller's districts (and whether they see personal data), from the headers the gateway sets on every request. */
export const Scope = createParamDecorator((_data: unknown, context: ExecutionContext): CallerScope => {
  const headers = context.switchToRpc().getContext<NatsContext>().getHeaders() as MsgHdrs | undefined;
  return decodeScope(headers?.get(Headers.scope), headers?.get(Headers.personalData));
});
