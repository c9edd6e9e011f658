import { createRoleSql, loadEnv, serviceRoleName } from '@rasad/common';
import { createFilledBriefing, createGeography, createPersonnel, dutyBody, eventually } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { createBriefings } from '../apps/briefings/src/bootstrap';
import { BriefingsEnv } from '../apps/briefings/src/briefings.env';

/** The suite's database as another PostgreSQL user (the test cluster trusts local connections). */
function urlAs(url: string, user: string): string {
  const other = new URL(url);
  other.username = user;
  other.password = '';
  return other.toString();
}

async function query<T extends object = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const PERMISSION_DENIED = expect.objectContaining({ code: '42501' });

/**
 * Each service's schema is reachable only by its own role. The briefings service runs here as production runs it:
 * migrated with the admin URL, serving as rasad_briefings.
 */
describe('a PostgreSQL role per service', () => {
  let rasad: RunningRasad;
  let adminUrl: string;

  beforeAll(async () => {
    rasad = await startRasad(
      'database_roles',
      {},
      {},
      {
        services: [
          (env) =>
            createBriefings(
              loadEnv(BriefingsEnv, {
                ...env,
                DATABASE_ADMIN_URL: env.DATABASE_URL,
                DATABASE_URL: urlAs(env.DATABASE_URL, serviceRoleName('briefings')),
              }),
            ),
        ],
      },
    );
    adminUrl = rasad.database.url;
  });

  afterAll(async () => {
    await rasad?.stop();
  });

  it('runs the briefings service as rasad_briefings: it consumes roster events, schedules, fills and relays', async () => {
    const geo = await createGeography(rasad.api, 'ROLE');
    const person = await createPersonnel(rasad.api, geo);
    const duty = await rasad.api.post('/api/v1/assignments', dutyBody(person.id, geo.postId));
    expect(duty.status).toBe(201);
    await createFilledBriefing(rasad.api, geo.districtId);
    await eventually(async () => {
      const unsent = await query<{ count: string }>(
        adminUrl,
        'select count(*) from briefings.outbox where sent_at is null',
      );
      expect(unsent[0].count).toBe('0');
    });
    const database = rasad.database.name;
    const users = await query<{ usename: string }>(
      adminUrl,
      `select distinct usename from pg_stat_activity where datname = '${database}'`,
    );
    expect(users.map((u) => u.usename)).toContain('rasad_briefings');
  });

  it('refuses the briefings role the roster’s personnel (CNICs), the gateway’s users and any DDL', async () => {
    const briefings = urlAs(adminUrl, 'rasad_briefings');
    await expect(query(briefings, 'select count(*) from briefings.session')).resolves.toHaveLength(1);
    await expect(query(briefings, 'select cnic from roster.personnel')).rejects.toEqual(PERMISSION_DENIED);
    await expect(query(briefings, 'select * from roster.outbox')).rejects.toEqual(PERMISSION_DENIED);
    await expect(query(briefings, 'select password_hash from gateway.app_user')).rejects.toEqual(PERMISSION_DENIED);
    await expect(query(briefings, 'create table briefings.rogue (id int)')).rejects.toEqual(PERMISSION_DENIED);
    await expect(query(briefings, 'drop table briefings.session')).rejects.toEqual(PERMISSION_DENIED);
  });

  it('confines every service’s role to its own schema', async () => {
    const schemas = ['roster', 'briefings', 'gateway'];
    for (const own of schemas) {
      const url = urlAs(adminUrl, serviceRoleName(own));
      await expect(query(url, `select count(*) from ${own}.mikro_orm_migrations`)).resolves.toHaveLength(1);
      for (const other of schemas.filter((schema) => schema !== own)) {
        await expect(query(url, `select count(*) from ${other}.mikro_orm_migrations`)).rejects.toEqual(
          PERMISSION_DENIED,
        );
      }
    }
  });

  it('creates a role safely when many databases on the cluster migrate at once', async () => {
    const role = `rasad_race_${process.pid}`;
    try {
      await Promise.all(Array.from({ length: 8 }, () => query(adminUrl, createRoleSql(role))));
      const found = await query(adminUrl, `select rolcanlogin from pg_roles where rolname = '${role}'`);
      expect(found).toEqual([{ rolcanlogin: true }]);
    } finally {
      await query(adminUrl, `drop role if exists ${role}`);
    }
  });
});
