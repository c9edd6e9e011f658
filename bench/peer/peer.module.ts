import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Module, RequestMethod, ValidationPipe } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { LoggerModule } from 'nestjs-pino';
import { createSecretKey } from 'node:crypto';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { DutyAssignment, Post } from './duty-assignment.entity';
import { JwtAuthGuard } from './jwt-auth.guard';
import { User } from './user.entity';

// One KeyObject, as the gateway does: with a string secret jsonwebtoken builds a key on every verify, and the peer
// should be what a careful team builds, not a straw man.
const key = createSecretKey(Buffer.from(process.env.JWT_SECRET ?? ''));

@Module({
  imports: [
    // pino-http logs every request, at the level the bench runs every app with.
    LoggerModule.forRoot({
      pinoHttp: { level: process.env.LOG_LEVEL ?? 'info' },
      forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    }),
    // The module's middleware gives each request its own EntityManager (a request context).
    MikroOrmModule.forRoot({
      driver: PostgreSqlDriver,
      clientUrl: process.env.DATABASE_URL,
      entities: [User, DutyAssignment, Post],
      pool: { min: 0, max: Number(process.env.DATABASE_POOL_MAX ?? 10) },
      forceUtcTimezone: true,
      allowGlobalContext: false,
      forRoutesPath: '{*path}',
    }),
    JwtModule.register({
      secretOrKeyProvider: () => key,
      verifyOptions: { issuer: 'rasad', algorithms: ['HS256'] },
    }),
  ],
  controllers: [AssignmentsController],
  providers: [
    AssignmentsService,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
    },
  ],
})
export class PeerModule {}
