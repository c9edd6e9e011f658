import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@rasad/messaging';
import { AssignmentsModule } from './assignments/assignments.module';
import { GeographyModule } from './geography/geography.module';
import { ImportsModule } from './imports/imports.module';
import { ROSTER_SCHEMA, rosterOrmOptions } from './mikro-orm.config';
import { PersonnelModule } from './personnel/personnel.module';
import { PostsModule } from './posts/posts.module';
import { RosterEnv } from './roster.env';
import { SeedRepository } from './seed/seed.repository';
import { SeedService } from './seed/seed.service';
import { UnitsModule } from './units/units.module';

@Module({})
export class RosterModule {
  static forRoot(env: RosterEnv): DynamicModule {
    // Global so that every context reads the roster's settings (the imports read the deployment's time zone).
    return {
      ...serviceModule({
        module: RosterModule,
        service: 'roster',
        env,
        envClass: RosterEnv,
        schema: ROSTER_SCHEMA,
        orm: rosterOrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX),
        imports: [GeographyModule, UnitsModule, PostsModule, PersonnelModule, AssignmentsModule, ImportsModule],
        providers: [SeedService, SeedRepository],
      }),
      global: true,
      exports: [RosterEnv],
    };
  }
}
