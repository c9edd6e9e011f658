import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { PII_ROLES } from '@rasad/contracts';
import { withRequestContext } from '@rasad/messaging';
import { Observable } from 'rxjs';
import { AuthenticatedRequest } from './auth.decorators';

/**
 * Makes the caller's districts and the request id travel with every NATS request the handler sends, so no
 * controller can forget the scope: admins see every district, everyone else only theirs.
 */
@Injectable()
export class CallerContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = request.caller;
    const scope = caller
      ? {
          districtIds: caller.role === 'admin' ? null : caller.districtIds,
          // Roles that see CNICs may also search by them; for anyone else a CNIC search would be an oracle.
          seesPersonalData: PII_ROLES.includes(caller.role),
        }
      : { districtIds: [] };
    return new Observable((subscriber) => {
      withRequestContext({ requestId: request.id, scope }, () => next.handle().subscribe(subscriber));
    });
  }
}
