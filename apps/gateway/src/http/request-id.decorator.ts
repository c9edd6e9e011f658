import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The id pino-http gave this request (the caller's X-Request-Id when it sent a sane one). */
export function requestIdOf(request: FastifyRequest): string {
  return (request.raw as { id?: string }).id ?? request.id;
}

export const RequestId = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  requestIdOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
