import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LoginRequest, TokenView } from '@rasad/contracts';
import { hashPassword, verifyPassword } from './passwords';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { GatewayEnv } from '../gateway.env';
import { User } from '../users/user.entity';

/** Verifying against this when the user does not exist keeps the answer time the same as a wrong password. */
const DUMMY_HASH = hashPassword('rasad-timing-equaliser');

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(GatewayEnv) private readonly env: GatewayEnv,
  ) {}

  async login({ username, password }: LoginRequest): Promise<TokenView> {
    const user = await this.em.findOne(User, { username });
    const valid = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !valid || user.disabled) {
      await this.audit.record({
        action: 'login_failed',
        entity: 'user',
        entityId: user?.id ?? null,
        after: { username },
      });
      throw new UnauthorizedException('Wrong username or password, or the account is disabled');
    }
    await this.audit.record({ action: 'login', entity: 'user', entityId: user.id, actor: user });
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, expiresIn: this.env.JWT_TTL_SECONDS };
  }

  /** The first start makes `admin`, with RASAD_ADMIN_PASSWORD or a random password printed once. */
  async ensureFirstAdmin(): Promise<void> {
    const em = this.em.fork();
    if (await em.count(User, { username: 'admin' })) {
      return;
    }
    const given = this.env.RASAD_ADMIN_PASSWORD;
    const password = given ?? randomBytes(12).toString('base64url');
    em.create(User, { username: 'admin', passwordHash: await hashPassword(password), role: 'admin' });
    try {
      await em.flush();
    } catch {
      return; // another gateway replica made it first
    }
    if (!given) {
      // Printed once, on purpose outside the structured log so it is not shipped to a log store.
      process.stdout.write(
        `\nRasad: created user "admin" with password ${password}\nChange it: PATCH /api/v1/users/<id>\n\n`,
      );
    }
    this.logger.log('created the first admin user');
  }
}
