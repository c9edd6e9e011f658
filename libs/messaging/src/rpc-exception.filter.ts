import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { DomainError, ErrorCode, RpcErrorPayload, isRpcErrorPayload } from '@rasad/contracts';
import { Observable, throwError } from 'rxjs';

/**
 * Every failure a service answers with is a coded payload. A plain `RpcException('text')` or an unexpected
 * error would otherwise reach the caller as an anonymous 500.
 */
@Catch()
export class DomainRpcExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcError');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => this.toPayload(exception));
  }

  private toPayload(exception: unknown): RpcErrorPayload {
    if (exception instanceof DomainError) {
      return exception.toPayload();
    }
    if (exception instanceof RpcException && isRpcErrorPayload(exception.getError())) {
      return exception.getError() as RpcErrorPayload;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { code: ErrorCode.Internal, message: 'The service failed to handle the request; see its logs' };
  }
}
