import { EntityManager } from '@mikro-orm/postgresql';
import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { User } from './user.entity';

export type SignedInRequest = FastifyRequest & { user: User };

/** The gateway's token: verified, then its user loaded (so disabling a user or ending its sessions counts at once). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly em: EntityManager,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SignedInRequest>();
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) {
      throw new UnauthorizedException();
    }
    const claims = await this.jwt.verifyAsync<{ sub: string; epoch: number }>(token).catch(() => {
      throw new UnauthorizedException();
    });
    const user = await this.em.findOne(User, { id: claims.sub });
    if (!user || user.disabled || user.sessionEpoch !== claims.epoch) {
      throw new UnauthorizedException();
    }
    request.user = user;
    return true;
  }
}
