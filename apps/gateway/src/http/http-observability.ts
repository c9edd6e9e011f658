import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Span } from '@opentelemetry/api';
import { SpanStatusCode } from '@opentelemetry/api';
import { ServiceMetrics, SpanKind, TRACEPARENT, Tracing, contextFromTraceparent, withSpan } from '@rasad/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { Observable } from 'rxjs';

const spans = new WeakMap<IncomingMessage, Span>();

/**
 * Every HTTP request's time in `rasad_http_request_duration_seconds` by method, route (the pattern, not the path: no
 * ids in label values) and status, taken by Fastify from arrival to the last byte, whatever answered it (a guard,
 * the router's 404, a filter). With tracing on, a server span over the same time, continuing an incoming
 * `traceparent`; `TraceHttpInterceptor` makes it active for the handler.
 */
export function observeHttp(fastify: FastifyInstance, metrics: ServiceMetrics, tracing: Tracing): void {
  const duration = metrics.histogram('rasad_http_request_duration_seconds', 'HTTP request time', [
    'method',
    'route',
    'status',
  ]);
  if (tracing.enabled) {
    fastify.addHook('onRequest', (request, _reply, done) => {
      const traceparent = request.headers[TRACEPARENT];
      const parent = contextFromTraceparent(typeof traceparent === 'string' ? traceparent : null);
      spans.set(request.raw, tracing.start(`${request.method} ${routeOf(request)}`, SpanKind.SERVER, parent));
      done();
    });
  }
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = routeOf(request);
    const status = reply.statusCode;
    duration.observe({ method: request.method, route, status: String(status) }, reply.elapsedTime / 1000);
    const span = spans.get(request.raw);
    if (span) {
      span.setAttributes({
        'http.request.method': request.method,
        'http.route': route,
        'http.response.status_code': status,
        'rasad.request_id': String(request.id),
      });
      if (status >= 500) {
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    }
    done();
  });
}

function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/** Makes the request's span active while Nest runs the handler, so the NATS requests it sends carry it. */
@Injectable()
export class TraceHttpInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const span = spans.get(context.switchToHttp().getRequest<FastifyRequest>().raw);
    if (!span) {
      return next.handle();
    }
    return new Observable((subscriber) => withSpan(span, () => next.handle().subscribe(subscriber)));
  }
}
