import { PollingWorker } from '@rasad/common';
import { TestDatabase, createTestDatabase, eventually } from '@rasad/testing';
import { Client } from 'pg';

const CHANNEL = 'polling_worker_spec';
const NAME = 'polling-worker-spec';

/** The shared worker's LISTEN/NOTIFY wake-up against the real PostgreSQL, on a database of its own. */
describe('PollingWorker on PostgreSQL', () => {
  let database: TestDatabase;
  let db: Client;
  let worker: PollingWorker;
  let rounds = 0;

  const notify = () => db.query('select pg_notify($1, $2)', [CHANNEL, '']);
  const listenerPids = async () =>
    (
      await db.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [
        `${NAME} listener`,
      ])
    ).rows.map((row) => row.pid);

  beforeAll(async () => {
    database = await createTestDatabase('polling_worker');
    db = new Client({ connectionString: database.url });
    await db.connect();
    worker = new PollingWorker({
      name: NAME,
      round: () => {
        rounds += 1;
        return Promise.resolve(0);
      },
      batchSize: 10,
      // Far longer than the test: any round after the first is a wake-up, not a poll.
      pollMs: 60_000,
      listen: { databaseUrl: database.url, channels: [CHANNEL] },
      errorBackoff: { baseMs: 100, maxMs: 1000 },
    });
    await worker.start();
    await eventually(() => expect(rounds).toBe(1));
  });

  afterAll(async () => {
    await worker?.stop();
    await db?.end();
    await database?.drop();
  });

  it('starts a round as soon as its channel is notified', async () => {
    const before = rounds;
    await notify();
    await eventually(() => expect(rounds).toBe(before + 1), { timeoutMs: 5000, intervalMs: 20 });
  });

  it('listens again after losing its connection, catching up with a round, and wakes on the next notification', async () => {
    const [pid] = await listenerPids();
    expect(pid).toBeDefined();
    const before = rounds;
    await db.query('select pg_terminate_backend($1)', [pid]);

    await eventually(
      async () => {
        const pids = await listenerPids();
        expect(pids).toHaveLength(1);
        expect(pids[0]).not.toBe(pid);
        // Notifications sent while it was away went nowhere, so coming back runs a round.
        expect(rounds).toBe(before + 1);
      },
      { timeoutMs: 5000, intervalMs: 20 },
    );
    await notify();
    await eventually(() => expect(rounds).toBe(before + 2), { timeoutMs: 5000, intervalMs: 20 });
  });

  it('closes its LISTEN connection when stopped', async () => {
    await worker.stop();
    await eventually(async () => expect(await listenerPids()).toHaveLength(0));
  });
});
