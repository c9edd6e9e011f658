import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Role } from '@rasad/contracts';
import type { FastifyRequest } from 'fastify';

export const IS_PUBLIC = 'rasad:public';
export const ROLES_KEY = 'rasad:roles';

/** No sign-in needed: login and health only. Everything else is denied without a valid token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Who may call a route. Without it: reads for every role, changes for admin and logistics officers. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export interface Caller {
  id: string;
  username: string;
  role: Role;
  districtIds: string[];
}

export type AuthenticatedRequest = FastifyRequest & { caller?: Caller };

export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().caller!,
);
