import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { TokenView } from '@rasad/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AuditService } from '../audit/audit.service';
import { GatewayEnv } from '../gateway.env';
import { User } from '../users/user.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** What an access token says about its holder; `epoch` must still be the user's for the token to count. */
export interface AccessClaims {
  sub: string;
  role: string;
  epoch: number;
}

const REFUSED = 'This refresh token is unknown, already used, revoked or expired; sign in again';

/**
 * A session is a short-lived access token plus a refresh token that lasts a working day (REFRESH_TTL_SECONDS from
 * sign-in). A refresh token works once: using it again means it was copied, and ends its whole family.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    private readonly tokens: RefreshTokensRepository,
    private readonly audit: AuditService,
    @Inject(GatewayEnv) private readonly env: GatewayEnv,
  ) {}

  async start(user: User): Promise<TokenView> {
    await this.tokens.forgetExpired(user.id);
    const refreshToken = newRefreshToken();
    await this.tokens.issue({
      id: uuidv7(),
      userId: user.id,
      familyId: uuidv7(),
      digest: digestOf(refreshToken),
      expiresAt: new Date(Date.now() + this.env.REFRESH_TTL_SECONDS * 1000),
    });
    return this.tokenView(user, refreshToken);
  }

  async refresh(refreshToken: string): Promise<TokenView> {
    const digest = digestOf(refreshToken);
    const next = newRefreshToken();
    const rotated = await this.tokens.rotate(digest, { id: uuidv7(), digest: digestOf(next) });
    if (!rotated) {
      const known = await this.tokens.find(digest);
      if (known) {
        await this.tokens.revokeFamily(known.familyId);
        await this.audit.record({ action: 'refresh_reused', entity: 'user', entityId: known.userId });
      }
      throw new UnauthorizedException(REFUSED);
    }
    const user = await this.em.fork().findOne(User, { id: rotated.userId });
    if (!user || user.disabled) {
      await this.tokens.revokeFamily(rotated.familyId);
      throw new UnauthorizedException(REFUSED);
    }
    return this.tokenView(user, next);
  }

  /** Signing out: the token's family can refresh no more. Unknown tokens are ignored, so this tells nothing. */
  async end(refreshToken: string): Promise<void> {
    const known = await this.tokens.find(digestOf(refreshToken));
    if (known) {
      await this.tokens.revokeFamily(known.familyId);
    }
  }

  /** A password change or a disabled account: every refresh token of the user stops working. */
  async endAll(userId: string): Promise<void> {
    await this.tokens.revokeUser(userId);
  }

  private async tokenView(user: User, refreshToken: string): Promise<TokenView> {
    const claims: AccessClaims = { sub: user.id, role: user.role, epoch: user.sessionEpoch };
    return {
      accessToken: await this.jwt.signAsync(claims),
      refreshToken,
      expiresIn: this.env.JWT_TTL_SECONDS,
    };
  }
}

function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

function digestOf(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
