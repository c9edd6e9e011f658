import { EntityManager } from '@mikro-orm/postgresql';
import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Role } from '@rasad/contracts';
import { AuthenticatedRequest, IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { AccessClaims } from './sessions.service';

interface CallerRow {
  id: string;
  username: string;
  role: Role;
  district_ids: string[];
  disabled: boolean;
  session_epoch: number;
}

const CALLER = 'select id, username, role, district_ids, disabled, session_epoch from gateway.app_user where id = ?';

const READ_METHODS = new Set(['GET', 'HEAD']);
const DEFAULT_WRITERS: Role[] = ['admin', 'logistics_officer'];

/**
 * Deny by default: every route needs a valid token of an enabled user whose session epoch it still carries, looked
 * up on each request so that disabling a user or changing their password ends their access at once; then the
 * route's roles decide (403 otherwise).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly em: EntityManager,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) {
      throw new UnauthorizedException(
        'Sign in first: send Authorization: Bearer <accessToken> from POST /api/v1/auth/login',
      );
    }
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch {
      throw new UnauthorizedException('The token is invalid or has expired; sign in again');
    }
    // Looked up on every request (so disabling is immediate), as one prepared statement: every route's hot path.
    const [user] = await this.em.execute<CallerRow[]>(CALLER, [claims.sub]);
    if (!user || user.disabled) {
      throw new UnauthorizedException('This account is disabled or no longer exists');
    }
    // A password, role or district change since the token was issued ends it: the holder signs in (or refreshes).
    if (user.session_epoch !== claims.epoch) {
      throw new UnauthorizedException('This session has ended (the account changed); sign in again');
    }
    request.caller = { id: user.id, username: user.username, role: user.role, districtIds: user.district_ids };
    const allowed =
      this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ??
      (READ_METHODS.has(request.method) ? undefined : DEFAULT_WRITERS);
    if (allowed && !allowed.includes(user.role)) {
      throw new ForbiddenException(`A ${user.role} may not do this`);
    }
    return true;
  }
}
