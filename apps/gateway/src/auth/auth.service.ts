import { EntityManager } from '@mikro-orm/postgresql';
import { HttpStatus, Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { LoginRequest, TokenView } from '@rasad/contracts';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { GatewayEnv } from '../gateway.env';
import { RetryLaterException } from '../http/retry-later.exception';
import { User } from '../users/user.entity';
import { LoginFailures } from './login-failures';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly failures: LoginFailures;

  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    @Inject(GatewayEnv) private readonly env: GatewayEnv,
  ) {
    this.failures = new LoginFailures(env.LOGIN_FAILURES_PER_USERNAME, env.LOGIN_FAILURE_WINDOW_SECONDS * 1000);
  }

  async login({ username, password }: LoginRequest): Promise<TokenView> {
    // Checked before the user is looked up, so an unknown username is limited alike and reveals nothing.
    const retryAfter = this.failures.retryAfterSeconds(username);
    if (retryAfter > 0) {
      throw new RetryLaterException(
        HttpStatus.TOO_MANY_REQUESTS,
        'Too many failed sign-ins for this username; try again later',
        retryAfter,
      );
    }
    const user = await this.em.findOne(User, { username });
    const valid = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !valid || user.disabled) {
      this.failures.recordFailure(username);
      // What was typed as a username is kept only when it names a user: otherwise it may be a password typed
      // into the wrong box.
      await this.audit.record({
        action: 'login_failed',
        entity: 'user',
        entityId: user?.id ?? null,
        after: { username: user ? user.username : null },
      });
      throw new UnauthorizedException('Wrong username or password, or the account is disabled');
    }
    await this.audit.record({ action: 'login', entity: 'user', entityId: user.id, actor: user });
    return this.sessions.start(user);
  }

  /** The first start makes `admin`, with RASAD_ADMIN_PASSWORD or a random password printed once. */
  async ensureFirstAdmin(): Promise<void> {
    const em = this.em.fork();
    if (await em.count(User, { username: 'admin' })) {
      return;
    }
    const given = this.env.RASAD_ADMIN_PASSWORD;
    const password = given ?? randomBytes(12).toString('base64url');
    em.create(User, { username: 'admin', passwordHash: await this.passwords.hash(password), role: 'admin' });
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
