import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { createSecretKey, randomBytes } from 'node:crypto';
import { AuditController } from '../audit/audit.controller';
import { AuditRepository } from '../audit/audit.repository';
import { AuditRetentionService } from '../audit/audit-retention.service';
import { AuditService } from '../audit/audit.service';
import { AuditedInterceptor } from '../audit/audited.interceptor';
import { GatewayEnv } from '../gateway.env';
import { UsersController } from '../users/users.controller';
import { UserDistricts } from '../users/user-districts';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CallerContextInterceptor } from './caller-context.interceptor';
import { PasswordHasher } from './password-hasher';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [GatewayEnv],
      useFactory: (env: GatewayEnv) => {
        // Without JWT_SECRET tokens die with the process and replicas reject each other's: fine for one machine.
        // A KeyObject made once: a string secret makes jsonwebtoken build a key on every verify (a profile's top item).
        const key = createSecretKey(Buffer.from(env.JWT_SECRET ?? randomBytes(32).toString('hex')));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { expiresIn: env.JWT_TTL_SECONDS, issuer: 'rasad', algorithm: 'HS256' as const },
          verifyOptions: { issuer: 'rasad', algorithms: ['HS256' as const] },
        };
      },
    }),
    ThrottlerModule.forRootAsync({
      inject: [GatewayEnv],
      useFactory: (env: GatewayEnv) => ({
        throttlers: [
          { name: 'login', ttl: 60_000, limit: env.LOGIN_ATTEMPTS_PER_MINUTE },
          { name: 'imports', ttl: 60_000, limit: env.IMPORTS_PER_MINUTE },
          { name: 'calendar', ttl: 60_000, limit: env.CALENDAR_FEEDS_PER_MINUTE },
        ],
      }),
    }),
  ],
  controllers: [AuthController, UsersController, AuditController],
  providers: [
    AuthService,
    PasswordHasher,
    SessionsService,
    RefreshTokensRepository,
    UsersService,
    UsersRepository,
    UserDistricts,
    AuditService,
    AuditRepository,
    AuditRetentionService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: CallerContextInterceptor },
    { provide: APP_INTERCEPTOR, useClass: AuditedInterceptor },
  ],
  exports: [AuthService, AuditService, PasswordHasher],
})
export class AuthModule {}
