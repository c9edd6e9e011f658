import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PII_ROLES, RpcSubject } from '@rasad/contracts';
import { maskCnic, maskPhone } from '@rasad/personnel';
import { RasadClient } from '@rasad/messaging';
import { Observable, from, mergeMap } from 'rxjs';
import { AuthenticatedRequest, Caller } from '../auth/auth.decorators';
import { AuditService } from './audit.service';

export const AUDITED = 'rasad:audited';

export interface AuditedOptions {
  entity: string;
  /** The subject that reads the record by id, for the before-image of a change. */
  get?: RpcSubject;
  /** The route parameter, or else reply field, that names the record (default `id`). */
  idField?: string;
  /** Reply fields that are secrets (a calendar link's token): the audit log records that they were given, not them. */
  redact?: string[];
}

/** Marks a controller whose changes are audited with before and after. */
export const Audited = (options: AuditedOptions) => SetMetadata(AUDITED, options);

export const AUDIT_ACTION = 'rasad:audit-action';

/** Names a route's change in the audit log when its method alone would not say it (fill, reschedule, roll call). */
export const AuditAction = (action: string) => SetMetadata(AUDIT_ACTION, action);

const ACTIONS: Record<string, string> = { POST: 'create', PATCH: 'update', PUT: 'update', DELETE: 'delete' };

/**
 * Writes the audit log for every change on an @Audited controller, and for personnel, enforces who sees CNIC and
 * phone: admins and logistics officers get them (and that read is audited), everyone else a masked value.
 */
@Injectable()
export class AuditedInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    private readonly rasad: RasadClient,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.getAllAndOverride<AuditedOptions | undefined>(AUDITED, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { params?: Record<string, string> }>();
    const caller = request.caller;
    if (!options || !caller) {
      return next.handle();
    }
    const read = request.method === 'GET';
    // A read of anything but personnel is neither audited nor masked: no work to wrap around it.
    if (read && options.entity !== 'personnel') {
      return next.handle();
    }
    const id = request.params?.[options.idField ?? 'id'];
    const named = this.reflector.get<string | undefined>(AUDIT_ACTION, context.getHandler());
    const action = named ?? ACTIONS[request.method] ?? request.method.toLowerCase();
    // The before-image is read first, so that it cannot already show the change.
    const before = from(!read && id && options.get ? this.rasad.send(options.get, { id }).catch(() => null) : [null]);
    return before.pipe(
      mergeMap((image: unknown) =>
        next
          .handle()
          .pipe(mergeMap((result: unknown) => from(this.finish(result, image, { options, caller, id, read, action })))),
      ),
    );
  }

  private async finish(
    result: unknown,
    before: unknown,
    {
      options,
      caller,
      id,
      read,
      action,
    }: { options: AuditedOptions; caller: Caller; id?: string; read: boolean; action: string },
  ): Promise<unknown> {
    if (options.entity === 'personnel') {
      result = await this.personalData(result, caller, read);
    }
    if (!read) {
      await this.audit.record({
        action,
        entity: options.entity,
        entityId: id ?? (result as Record<string, string> | null)?.[options.idField ?? 'id'] ?? null,
        actor: caller,
        before,
        after: redacted(result, options.redact),
      });
    }
    return result;
  }

  private async personalData(result: unknown, caller: Caller, read: boolean): Promise<unknown> {
    const people = (result as { items?: PersonLike[] })?.items ?? [result as PersonLike];
    if (!PII_ROLES.includes(caller.role)) {
      for (const person of people) {
        person.cnic = maskCnic(person.cnic);
        person.phone = maskPhone(person.phone);
      }
      return result;
    }
    if (read && people.length > 0) {
      await this.audit.record({
        action: 'read_pii',
        entity: 'personnel',
        entityId: people.length === 1 ? people[0].id : null,
        actor: caller,
        after: { personnelIds: people.map((p) => p.id) },
      });
    }
    return result;
  }
}

interface PersonLike {
  id: string;
  cnic: string;
  phone: string;
}

function redacted(result: unknown, fields: string[] = []): unknown {
  if (fields.length === 0 || typeof result !== 'object' || result === null) {
    return result;
  }
  return { ...result, ...Object.fromEntries(fields.filter((f) => f in result).map((f) => [f, '[redacted]'])) };
}
