import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { DomainError, ErrorCode, RpcErrorPayload, isRpcErrorPayload } from '@rasad/contracts';
import { Observable, throwError } from 'rxjs';

const CNIC = /\b\d{5}-?\d{7}-?\d\b/g;
const PHONE = /(\+?92|\b0)3\d{2}[- ]?\d{7}\b/g;

export function redactPersonalData(text: string): string {
  return text.replace(CNIC, '[cnic]').replace(PHONE, '[phone]');
}

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
    // Driver errors quote the failing statement and its values; keep national ids and phones out of the log.
    this.logger.error(
      redactPersonalData(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)),
    );
    return { code: ErrorCode.Internal, message: 'The service failed to handle the request; see its logs' };
  }
}
