import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { normalizeTimeQuery, withLocalTimes } from '@rasad/common';
import type { FastifyRequest } from 'fastify';
import { Observable, map } from 'rxjs';
import { GatewayEnv } from '../gateway.env';

/**
 * Local time at the edge, for every route: query dates are read in the deployment's zone before validation
 * (interceptors run before pipes), and every UTC instant of the answer goes out with the zone's offset.
 */
@Injectable()
export class LocalTimesInterceptor implements NestInterceptor {
  private readonly timeZone: string;

  constructor(env: GatewayEnv) {
    this.timeZone = env.RASAD_TIME_ZONE;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') {
      return next.handle();
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.query && typeof request.query === 'object') {
      request.query = normalizeTimeQuery(request.query as Record<string, unknown>, this.timeZone);
    }
    return next.handle().pipe(map((answer: unknown) => withLocalTimes(answer, this.timeZone)));
  }
}
