import { loadEnv } from '@rasad/common';
import { ErrorCode, __Pascal__Events, __Pascal__Subjects } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { create__Pascal__ } from '../src/bootstrap';
import { __Pascal__Env } from '../src/__name__.env';

/** The __name__ service starts beside the roster and the gateway, migrates its schema and answers. */
describe('__name__ service', () => {
  let rasad: RunningRasad;
  let client: RasadClient;
  let db: Client;

  beforeAll(async () => {
    rasad = await startRasad(
      '__name__',
      {},
      { gateway: { RASAD_SERVICES: 'roster,__name__' } },
      { services: [(common) => create__Pascal__(loadEnv(__Pascal__Env, common))] },
    );
    client = new RasadClient({ url: rasad.commonEnv.NATS_URL, name: '__name__-e2e', timeoutMs: 5000 });
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await client?.onApplicationShutdown();
    await rasad?.stop();
  });

  it('reports its health through the gateway', async () => {
    const response = await rasad.anonymous.get('/health');
    expect(response.body.info?.['__name__']).toEqual({ status: 'up' });
    expect(response.status).toBe(200);
  });

  it('adds a note, with its event in the outbox, and lists it as a page with a total', async () => {
    const added = await client.send(__Pascal__Subjects.noteAdd, { text: 'first' });
    const page = await client.send(__Pascal__Subjects.noteList, {});
    expect(page).toEqual({ items: [added], nextCursor: null, total: 1 });
    const { rows } = await db.query('select envelope from __schema__.outbox where aggregate_id = $1', [added.id]);
    expect(rows.map((row) => row.envelope)).toEqual([
      expect.objectContaining({
        type: __Pascal__Events.noteAdded,
        producer: '__name__',
        payload: { id: added.id, text: 'first' },
      }),
    ]);
  });

  it('refuses a note without text, naming the field', async () => {
    await expect(client.send(__Pascal__Subjects.noteAdd, { text: '' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: expect.stringContaining('text'),
    });
  });
});
