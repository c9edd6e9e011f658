import { RetentionRule, RetentionWorker, loadEnv } from '@rasad/common';
import { eventually } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { messagingRetentionRules } from '@rasad/messaging';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { auditRetention } from '../apps/gateway/src/audit/audit.repository';
import { createNotifier } from '../apps/notifier/src/bootstrap';
import { noticesRetention } from '../apps/notifier/src/notices/notices.repository';
import { NotifierEnv } from '../apps/notifier/src/notifier.env';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
const BATCH = 50;

/**
 * Retention on the real tables: the roster's outbox, the notifier's inbox and notices, the gateway's audit log. The
 * running services keep theirs for ten years here (so they leave these tests' rows alone) and poll every second; the
 * tests run a worker of their own with the default days.
 */
describe('retention', () => {
  let rasad: RunningRasad;
  let db: Client;
  const rules: RetentionRule[] = [
    ...messagingRetentionRules('roster', 30, 91),
    ...messagingRetentionRules('notifier', 30, 91),
    noticesRetention(90),
    auditRetention(365),
  ];
  const worker = (batch = BATCH) =>
    new RetentionWorker({ name: 'retention-spec', databaseUrl: rasad.database.url, rules, batch, intervalMs: 60_000 });
  const workers: RetentionWorker[] = [];
  const track = (one: RetentionWorker) => {
    workers.push(one);
    return one;
  };
  const keepTenYears = { RETENTION_OUTBOX_DAYS: '3650', RETENTION_INBOX_DAYS: '3650' };

  beforeAll(async () => {
    rasad = await startRasad(
      'retention',
      { ...keepTenYears, RETENTION_BATCH: String(BATCH), RETENTION_INTERVAL_MS: '1000' },
      { gateway: { RETENTION_AUDIT_DAYS: '3650', RASAD_SERVICES: 'roster,notifier' } },
      { services: [(env) => createNotifier(loadEnv(NotifierEnv, { ...env, RETENTION_NOTICE_DAYS: '3650' }))] },
    );
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await Promise.all(workers.map((one) => one.stop()));
    await db?.end();
    await rasad?.stop();
  });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query<{ n: string }>(`select count(*) as n from ${sql}`, params)).rows[0].n);

  async function addOutbox(n: number, sentAt: Date | null, createdAt = sentAt ?? new Date()): Promise<string[]> {
    const ids = Array.from({ length: n }, () => uuidv7({ msecs: createdAt.getTime() }));
    await db.query(
      `insert into roster.outbox (id, subject, aggregate_id, envelope, created_at, sent_at)
       select id, 'evt.retention.spec.v1', 'spec', '{}'::jsonb, $2, $3 from unnest($1::uuid[]) id`,
      [ids, createdAt, sentAt],
    );
    return ids;
  }

  async function addInbox(n: number, appliedAt: Date, madeAt = appliedAt): Promise<string[]> {
    const ids = Array.from({ length: n }, () => uuidv7({ msecs: madeAt.getTime() }));
    await db.query(
      `insert into notifier.inbox (event_id, subject, applied_at)
       select id, 'evt.retention.spec.v1', $2 from unnest($1::uuid[]) id`,
      [ids, appliedAt],
    );
    return ids;
  }

  async function addNotices(n: number, createdAt: Date, status: 'sent' | 'failed' | 'pending'): Promise<string[]> {
    const ids = Array.from({ length: n }, () => uuidv7({ msecs: createdAt.getTime() }));
    // A pending notice is due in a year: the running dispatcher leaves it pending.
    await db.query(
      `insert into notifier.notice (id, event_id, event_type, personnel_id, kind, channel, language, body, segments,
         encoding, status, next_attempt_at, created_at)
       select id, id, 'evt.retention.spec.v1', id, 'duty_posted', 'log', 'en', 'a notice', 1, 'gsm7', $3,
         case when $3 = 'pending' then now() + interval '1 year' end, $2
       from unnest($1::uuid[]) id`,
      [ids, createdAt, status],
    );
    return ids;
  }

  async function addAudit(n: number, at: Date): Promise<string[]> {
    const ids = Array.from({ length: n }, () => uuidv7({ msecs: at.getTime() }));
    await db.query(
      `insert into gateway.audit_log (id, at, action, entity) select id, $2, 'spec', 'retention' from unnest($1::uuid[]) id`,
      [ids, at],
    );
    return ids;
  }

  it('purges old rows a batch per kind and round, and keeps recent rows and unfinished work', async () => {
    const oldSent = await addOutbox(120, daysAgo(40));
    const recentSent = await addOutbox(5, daysAgo(10));
    const oldPending = await addOutbox(3, null, daysAgo(100));
    const oldInbox = await addInbox(120, daysAgo(100));
    const recentInbox = await addInbox(5, daysAgo(2));
    // An old event applied lately (a consumer that replayed the stream): its age counts from when it was applied.
    const replayed = await addInbox(4, daysAgo(10), daysAgo(95));
    const oldNotices = [
      ...(await addNotices(100, daysAgo(120), 'sent')),
      ...(await addNotices(20, daysAgo(95), 'failed')),
    ];
    const pendingNotices = await addNotices(3, daysAgo(200), 'pending');
    const recentNotices = await addNotices(5, daysAgo(30), 'sent');
    const oldAudit = await addAudit(120, daysAgo(400));
    const recentAudit = await addAudit(5, daysAgo(300));

    const purge = track(worker());
    const left = async () => ({
      outbox: await count('roster.outbox where id = any($1)', [oldSent]),
      inbox: await count('notifier.inbox where event_id = any($1)', [oldInbox]),
      notices: await count('notifier.notice where id = any($1)', [oldNotices]),
      audit: await count('gateway.audit_log where id = any($1)', [oldAudit]),
    });
    expect(await purge.round()).toBe(BATCH);
    // One statement per kind, each at most a batch.
    expect(await left()).toEqual({ outbox: 70, inbox: 70, notices: 70, audit: 70 });
    expect(await purge.round()).toBe(BATCH);
    expect(await purge.round()).toBe(20);
    expect(await left()).toEqual({ outbox: 0, inbox: 0, notices: 0, audit: 0 });
    expect(await purge.round()).toBe(0);

    expect(await count('roster.outbox where id = any($1)', [[...recentSent, ...oldPending]])).toBe(8);
    expect(await count('notifier.inbox where event_id = any($1)', [[...recentInbox, ...replayed]])).toBe(9);
    expect(await count('notifier.notice where id = any($1)', [[...pendingNotices, ...recentNotices]])).toBe(8);
    expect(await count('gateway.audit_log where id = any($1)', [recentAudit])).toBe(5);
  });

  it('leaves a row another transaction holds for a later round instead of waiting for it', async () => {
    const [held, free] = await addNotices(2, daysAgo(100), 'sent');
    const holder = new Client({ connectionString: rasad.database.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select id from notifier.notice where id = $1 for update', [held]);
      const started = Date.now();
      // A purge that waited would give up after its 2 s lock_timeout and fail the round.
      await track(worker()).round();
      expect(Date.now() - started).toBeLessThan(2000);
      expect(await count('notifier.notice where id = any($1)', [[held, free]])).toBe(1);
      await holder.query('commit');
      await track(worker()).round();
      expect(await count('notifier.notice where id = $1', [held])).toBe(0);
    } finally {
      await holder.end();
    }
  });

  it('purges side by side in two replicas, each taking rows the other has not locked', async () => {
    const backlog = await addInbox(5000, daysAgo(100));
    const drain = async (replica: RetentionWorker) => {
      let full = 0;
      while ((await replica.round()) >= 500) {
        full += 1;
      }
      return full;
    };
    const [a, b] = await Promise.all([drain(track(worker(500))), drain(track(worker(500)))]);
    expect(await count('notifier.inbox where event_id = any($1)', [backlog])).toBe(0);
    // Ten full batches between them (a last one may come out short when the other took rows from under it).
    expect(a + b).toBeGreaterThanOrEqual(9);
    expect(a + b).toBeLessThanOrEqual(10);
  });

  it('lets the services write while it purges a large backlog', async () => {
    const backlog = 20_000;
    await addInbox(backlog, daysAgo(100));
    const purge = track(worker(1000));
    const writer = new Client({ connectionString: rasad.database.url });
    await writer.connect();
    const latencies: number[] = [];
    let purging = true;
    const writes = (async () => {
      while (purging) {
        const started = Date.now();
        await writer.query(
          "insert into notifier.inbox (event_id, subject) values ($1, 'evt.retention.spec.v1') returning event_id",
          [uuidv7()],
        );
        latencies.push(Date.now() - started);
      }
    })();
    const started = Date.now();
    let rounds = 0;
    try {
      while ((await purge.round()) >= 1000) {
        rounds += 1;
      }
    } finally {
      purging = false;
      await writes;
      await writer.end();
    }
    const purgeMs = Date.now() - started;
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.floor(latencies.length * 0.99)];
    console.log(
      `retention: ${backlog} inbox rows purged in ${rounds + 1} rounds, ${purgeMs} ms; ${latencies.length} inserts ` +
        `meanwhile, p99 ${p99} ms, max ${latencies[latencies.length - 1]} ms`,
    );
    expect(rounds).toBe(backlog / 1000);
    expect(await count('notifier.inbox where applied_at < $1', [daysAgo(91)])).toBe(0);
    expect(latencies.length).toBeGreaterThan(0);
    expect(latencies[latencies.length - 1]).toBeLessThan(1000);
  });

  it('runs in every service and the gateway on their own, by their settings', async () => {
    const outbox = await addOutbox(3, daysAgo(4000));
    const inbox = await addInbox(3, daysAgo(4000));
    const notices = await addNotices(3, daysAgo(4000), 'sent');
    const audit = await addAudit(3, daysAgo(4000));
    await eventually(
      async () => {
        expect(await count('roster.outbox where id = any($1)', [outbox])).toBe(0);
        expect(await count('notifier.inbox where event_id = any($1)', [inbox])).toBe(0);
        expect(await count('notifier.notice where id = any($1)', [notices])).toBe(0);
        expect(await count('gateway.audit_log where id = any($1)', [audit])).toBe(0);
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
  });
});
