import { loadEnv } from '@rasad/common';
import { TestApi, TestDatabase, createGeography, createTestDatabase, eventually } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { createBriefings } from '../apps/briefings/src/bootstrap';
import { BriefingsEnv } from '../apps/briefings/src/briefings.env';
import { BriefingsWorld } from '../apps/briefings/test/briefings-fixtures';
import { createNotifier } from '../apps/notifier/src/bootstrap';
import { NotifierEnv } from '../apps/notifier/src/notifier.env';

/**
 * A province may give a service a PostgreSQL of its own: here the gateway and the roster share one database,
 * briefings has another and the notifier a third. Nothing but events crosses between them, and events still flow.
 */
describe('a database per service', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let briefingsDb: TestDatabase;
  let notifierDb: TestDatabase;
  const clients: Client[] = [];

  const open = async (url: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    return client;
  };
  const schemasOf = async (client: Client) =>
    (
      await client.query<{ name: string }>(
        `select nspname as name from pg_namespace
         where nspname not like 'pg\\_%' and nspname not in ('public', 'information_schema') order by 1`,
      )
    ).rows.map((row) => row.name);

  beforeAll(async () => {
    briefingsDb = await createTestDatabase('own_briefings');
    notifierDb = await createTestDatabase('own_notifier');
    rasad = await startRasad(
      'own_roster',
      {},
      { gateway: { RASAD_SERVICES: 'roster,briefings,notifier', RASAD_EVENT_CONSUMERS: 'briefings,notifier' } },
      {
        services: [
          (env) => createBriefings(loadEnv(BriefingsEnv, { ...env, DATABASE_URL: briefingsDb.url })),
          (env) => createNotifier(loadEnv(NotifierEnv, { ...env, DATABASE_URL: notifierDb.url })),
        ],
      },
    );
    api = rasad.api;
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await rasad?.stop();
    await briefingsDb?.drop();
    await notifierDb?.drop();
  });

  it('keeps each schema in its own database', async () => {
    expect(await schemasOf(await open(rasad.database.url))).toEqual(['gateway', 'roster']);
    expect(await schemasOf(await open(briefingsDb.url))).toEqual(['briefings']);
    expect(await schemasOf(await open(notifierDb.url))).toEqual(['notifier']);
  });

  it('carries the roster’s events to briefings and the notifier in their own databases', async () => {
    const briefings = await open(briefingsDb.url);
    const notifier = await open(notifierDb.url);
    const world = new BriefingsWorld(api, briefings);
    const geo = await createGeography(api, 'OWNDB');
    const person = await world.person(geo);
    const duty = await world.duty(person, geo.postId, 96);
    await world.projected([person], [duty], [geo.postId]);

    // Briefings fills a session from its copy of the roster, in its own database.
    const session = await world.session(geo.districtId, 48);
    const fill = await api.post(`/api/v1/briefings/${session.id}/fill`, { selector: {} });
    expect(fill.status).toBe(200);
    expect(fill.body.invited.map((p: { personnelId: string }) => p.personnelId)).toEqual([person]);

    // The notifier, in a third database, heard of the duty and of the invitation that briefings published.
    await eventually(
      async () => {
        const { rows } = await notifier.query<{ kind: string }>(
          'select kind from notifier.notice where personnel_id = $1 order by kind',
          [person],
        );
        expect(rows.map((row) => row.kind)).toEqual(expect.arrayContaining(['briefing_invitation', 'duty_posted']));
      },
      { timeoutMs: 20_000 },
    );
    const notices = await api.get(`/api/v1/notifications?personnelId=${person}`);
    expect(notices.status).toBe(200);
    expect(notices.body.total).toBeGreaterThanOrEqual(2);
  });

  it('reports every service and each one’s consumer from its own database', async () => {
    const health = await api.get('/health');
    expect(health.status).toBe(200);
    const status = await api.get('/api/v1/status/consumers');
    expect(status.status).toBe(200);
    for (const service of ['briefings', 'notifier']) {
      expect(JSON.stringify(status.body)).toContain(`"${service}"`);
    }
  });
});
