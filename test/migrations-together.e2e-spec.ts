import { MikroORM } from '@mikro-orm/postgresql';
import { migrateWithLock } from '@rasad/common';
import { TestDatabase, createTestDatabase } from '@rasad/testing';
import { briefingsOrmOptions } from '../apps/briefings/src/mikro-orm.config';
import { gatewayOrmOptions } from '../apps/gateway/src/mikro-orm.config';
import { lodgingOrmOptions } from '../apps/lodging/src/mikro-orm.config';
import { mealsOrmOptions } from '../apps/meals/src/mikro-orm.config';
import { notifierOrmOptions } from '../apps/notifier/src/mikro-orm.config';
import { readinessOrmOptions } from '../apps/readiness/src/mikro-orm.config';
import { rosterOrmOptions } from '../apps/roster/src/mikro-orm.config';
import { transportOrmOptions } from '../apps/transport/src/mikro-orm.config';

/**
 * `npm start` starts every service at once on a new database, and each migrates its schema as it starts: the
 * migrations of different services must not trip over what they share (roster and transport both create btree_gist).
 */
describe('every service migrating a new database at once', () => {
  let database: TestDatabase;
  const orms: MikroORM[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('migrations_together');
  });

  afterAll(async () => {
    await Promise.all(orms.map((orm) => orm.close(true)));
    await database.drop();
  });

  it('migrates every schema, whichever service gets there first', async () => {
    const services = {
      gateway: gatewayOrmOptions,
      roster: rosterOrmOptions,
      briefings: briefingsOrmOptions,
      notifier: notifierOrmOptions,
      meals: mealsOrmOptions,
      lodging: lodgingOrmOptions,
      transport: transportOrmOptions,
      readiness: readinessOrmOptions,
    };
    const migrated = await Promise.allSettled(
      Object.entries(services).map(async ([schema, options]) => {
        const orm = await MikroORM.init(options(database.url, 2));
        orms.push(orm);
        await migrateWithLock(orm, { DATABASE_URL: database.url }, schema);
        return (await orm.getMigrator().getPendingMigrations()).length;
      }),
    );
    expect(
      migrated.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : String(outcome.reason))),
    ).toEqual(Object.keys(services).map(() => 0));
  });
});
