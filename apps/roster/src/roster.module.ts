import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pinoParams } from '@rasad/common';
import { EventsModule, healthController, serviceProviders } from '@rasad/messaging';
import { AssignmentsModule } from './assignments/assignments.module';
import { GeographyModule } from './geography/geography.module';
import { ImportsModule } from './imports/imports.module';
import { ROSTER_SCHEMA, rosterOrmOptions } from './mikro-orm.config';
import { PersonnelModule } from './personnel/personnel.module';
import { PostsModule } from './posts/posts.module';
import { RosterEnv } from './roster.env';
import { SeedService } from './seed/seed.service';
import { UnitsModule } from './units/units.module';

@Module({})
export class RosterModule {
  static forRoot(env: RosterEnv): DynamicModule {
    return {
      module: RosterModule,
      imports: [
        LoggerModule.forRoot(pinoParams('roster', env.LOG_LEVEL, false, env.LOG_FILE)),
        MikroOrmModule.forRoot(rosterOrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX)),
        GeographyModule,
        UnitsModule,
        PostsModule,
        PersonnelModule,
        AssignmentsModule,
        ImportsModule,
        EventsModule.forRoot({
          service: 'roster',
          schema: ROSTER_SCHEMA,
          databaseUrl: env.DATABASE_URL,
          nats: { url: env.NATS_URL, user: env.NATS_USER, pass: env.NATS_PASSWORD },
          streamReplicas: env.NATS_STREAM_REPLICAS,
        }),
      ],
      controllers: [healthController('roster')],
      providers: [SeedService, { provide: RosterEnv, useValue: env }, ...serviceProviders()],
    };
  }
}
