import { loadEnv } from '@rasad/common';
import { ConsumersStatusView } from '@rasad/contracts';
import { createGeography, createUser, eventually, Geography, TestApi } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { createBriefings } from '../apps/briefings/src/bootstrap';
import { BriefingsEnv } from '../apps/briefings/src/briefings.env';
import { BriefingsWorld } from '../apps/briefings/test/briefings-fixtures';
import { createNotifier } from '../apps/notifier/src/bootstrap';
import { NotifierEnv } from '../apps/notifier/src/notifier.env';

/** How far behind the events each consumer is, for admins; and a fill on a roster copy that is behind says so. */
describe('consumer lag', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let geo: Geography;
  let world: BriefingsWorld;

  beforeAll(async () => {
    rasad = await startRasad(
      'consumer_status',
      {},
      { gateway: { RASAD_EVENT_CONSUMERS: 'briefings,notifier', RASAD_SERVICES: 'roster,briefings,notifier' } },
      {
        services: [
          (env) => createBriefings(loadEnv(BriefingsEnv, env)),
          (env) => createNotifier(loadEnv(NotifierEnv, { ...env, NOTIFY_CHANNEL: 'log' })),
        ],
      },
    );
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    world = new BriefingsWorld(api, db);
    geo = await createGeography(api, 'LAG');
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  const status = async (): Promise<ConsumersStatusView> => {
    const response = await api.get('/api/v1/status/consumers');
    expect(response.status).toBe(200);
    return response.body as ConsumersStatusView;
  };
  const briefings = (view: ConsumersStatusView) => view.consumers.find((c) => c.service === 'briefings')!;

  it('is for admins only', async () => {
    expect((await rasad.anonymous.get('/api/v1/status/consumers')).status).toBe(401);
    const viewer = await createUser(api, 'lag-viewer', 'viewer', [geo.districtId]);
    expect((await viewer.get('/api/v1/status/consumers')).status).toBe(403);
  });

  it('shows events pending and seconds behind while briefings is held up, says so in a fill, then catches up', async () => {
    const person = await world.person(geo);
    const duty = await world.duty(person, geo.postId, 48);
    await world.projected([person], [duty], [geo.postId]);
    const session = await world.session(geo.districtId, 24);
    await eventually(async () => expect((await status()).caughtUp).toBe(true));

    // Briefings cannot write its inbox while this transaction holds the table: the next roster event waits.
    const holder = new Client({ connectionString: rasad.database.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table briefings.inbox in exclusive mode');
      await world.person(geo);
      const behind = await eventually(async () => {
        const view = await status();
        expect(view.caughtUp).toBe(false);
        expect(briefings(view).pending).toBeGreaterThanOrEqual(1);
        return view;
      });
      expect(briefings(behind).secondsBehind).toBeGreaterThanOrEqual(0);
      expect(behind.consumers.map((c) => c.service).sort()).toEqual(['briefings', 'notifier']);

      const fill = await api.post(`/api/v1/briefings/${session.id}/fill`, { selector: {} });
      expect(fill.status).toBe(200);
      expect(fill.body.invited).toHaveLength(1);
      expect(fill.body.projectionLag.pending).toBeGreaterThanOrEqual(1);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }

    const caughtUp = await eventually(async () => {
      const view = await status();
      expect(view.caughtUp).toBe(true);
      return view;
    });
    expect(briefings(caughtUp)).toMatchObject({ pending: 0, secondsBehind: 0 });
    expect(briefings(caughtUp).lastAppliedAt).toBeTruthy();
    const again = await api.post(`/api/v1/briefings/${session.id}/fill`, { selector: {} });
    expect(again.status).toBe(200);
    expect(again.body.projectionLag).toBeUndefined();
  });
});
