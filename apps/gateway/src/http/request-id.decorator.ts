import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

/** Keeps a caller's X-Request-Id when it is sane, so one id follows a request through every service's logs. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}

export function requestIdOf(request: FastifyRequest): string {
  return request.id;
}
