import { loadEnv } from '@rasad/common';
import { RosterEvents, RosterSubjects } from '@rasad/contracts';
import {
  OtlpReceiver,
  Sample,
  createGeography,
  createPersonnel,
  dutyBody,
  eventually,
  freePort,
  Geography,
  scrape,
  samplesOf,
} from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { connect } from 'nats';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createBriefings } from '../apps/briefings/src/bootstrap';
import { BriefingsEnv } from '../apps/briefings/src/briefings.env';
import { createNotifier } from '../apps/notifier/src/bootstrap';
import { NotifierEnv } from '../apps/notifier/src/notifier.env';

const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;

/**
 * Metrics and traces, end to end: every process serves /metrics on its METRICS_PORT, and one POST that creates a
 * duty is one trace from the gateway through the roster's handler and outbox to the briefings consumer, exported
 * over OTLP/HTTP to a receiver in this test.
 */
describe('observability', () => {
  let rasad: RunningRasad;
  let receiver: OtlpReceiver;
  let db: Client;
  let geo: Geography;
  const ports = { gateway: 0, roster: 0, briefings: 0, notifier: 0 };

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    for (const app of Object.keys(ports) as (keyof typeof ports)[]) {
      ports[app] = await freePort();
    }
    rasad = await startRasad(
      'observability',
      { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint },
      {
        roster: { METRICS_PORT: String(ports.roster) },
        gateway: {
          METRICS_PORT: String(ports.gateway),
          RASAD_SERVICES: 'roster,briefings,notifier',
          RASAD_EVENT_CONSUMERS: 'briefings,notifier',
        },
      },
      {
        services: [
          (env) => createBriefings(loadEnv(BriefingsEnv, { ...env, METRICS_PORT: String(ports.briefings) })),
          (env) =>
            createNotifier(
              loadEnv(NotifierEnv, { ...env, NOTIFY_CHANNEL: 'log', METRICS_PORT: String(ports.notifier) }),
            ),
        ],
      },
    );
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    geo = await createGeography(rasad.api, 'OBS');
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
    await receiver?.stop();
  });

  const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) => {
    const found = samplesOf(samples, name, labels);
    expect(found.length).toBeGreaterThan(0);
    return found.reduce((sum, sample) => sum + sample.value, 0);
  };

  it('traces one POST that creates a duty from the gateway through the roster to the briefings consumer', async () => {
    const person = await createPersonnel(rasad.api, geo);
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const created = await rasad.api.request('POST', '/api/v1/assignments', dutyBody(person.id, geo.postId), {
      traceparent: `00-${traceId}-${callerSpanId}-01`,
    });
    expect(created.status).toBe(201);

    const wanted: [string, string][] = [
      ['rasad-gateway', 'POST /api/v1/assignments'],
      ['rasad-roster', RosterSubjects.assignmentCreate],
      ['rasad-roster', `${RosterEvents.assignmentCreated} publish`],
      ['rasad-briefings', `${RosterEvents.assignmentCreated} process`],
    ];
    // Each service's exporter sends its spans on its own schedule: wait until all four are in.
    const spans = await eventually(
      () => {
        const trace = receiver.trace(traceId);
        for (const [service, name] of wanted) {
          expect(trace.some((span) => span.service === service && span.name === name)).toBe(true);
        }
        return trace;
      },
      { timeoutMs: 20_000 },
    );
    const one = (service: string, name: string) => {
      const found = spans.filter((span) => span.service === service && span.name === name);
      expect(found).toHaveLength(1);
      return found[0];
    };
    const http = one('rasad-gateway', 'POST /api/v1/assignments');
    expect(http.kind).toBe(SERVER);
    expect(http.parentSpanId).toBe(callerSpanId);
    expect(http.attributes['http.response.status_code']).toBe(201);
    const handler = one('rasad-roster', RosterSubjects.assignmentCreate);
    expect(handler.kind).toBe(SERVER);
    expect(handler.parentSpanId).toBe(http.spanId);
    const publish = one('rasad-roster', `${RosterEvents.assignmentCreated} publish`);
    expect(publish.kind).toBe(PRODUCER);
    expect(publish.parentSpanId).toBe(handler.spanId);
    const consumed = one('rasad-briefings', `${RosterEvents.assignmentCreated} process`);
    expect(consumed.kind).toBe(CONSUMER);
    expect(consumed.parentSpanId).toBe(publish.spanId);
    expect(consumed.attributes['messaging.message.id']).toEqual(expect.any(String));
    expect(consumed.attributes['rasad.outcome']).toBe('applied');
    // Every consumer of the event continues the same trace.
    await eventually(() =>
      expect(
        receiver
          .trace(traceId)
          .some((span) => span.service === 'rasad-notifier' && span.parentSpanId === publish.spanId),
      ).toBe(true),
    );
    // The trace context went through the outbox row.
    const { rows } = await db.query<{ trace_context: string }>(
      `select trace_context from roster.outbox where aggregate_id = $1 and subject = $2`,
      [created.body.id, RosterEvents.assignmentCreated],
    );
    expect(rows).toEqual([{ trace_context: `00-${traceId}-${handler.spanId}-01` }]);
  });

  it('starts a new trace for a request that carries none', async () => {
    const before = new Set(receiver.spans.map((span) => span.spanId));
    const response = await rasad.api.get(`/api/v1/districts/${geo.districtId}`);
    expect(response.status).toBe(200);
    const http = await eventually(() => {
      const span = receiver.spans.find(
        (s) => !before.has(s.spanId) && s.service === 'rasad-gateway' && s.name === 'GET /api/v1/districts/:id',
      );
      expect(span).toBeDefined();
      return span!;
    });
    expect(http.parentSpanId).toBeUndefined();
    await eventually(() =>
      expect(receiver.trace(http.traceId).some((span) => span.service === 'rasad-roster')).toBe(true),
    );
  });

  it('serves each process its metrics: requests, RPCs, outbox, consumer lag, events, dead letters, notices, pools', async () => {
    const person = await createPersonnel(rasad.api, geo);
    for (const day of ['2027-02-09', '2027-02-10']) {
      const duty = await rasad.api.post(
        '/api/v1/assignments',
        dutyBody(person.id, geo.postId, { startsAt: `${day}T06:00:00+05:00`, endsAt: `${day}T20:00:00+05:00` }),
      );
      expect(duty.status).toBe(201);
    }
    const missing = await rasad.api.get('/api/v1/assignments/01900000-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);

    const gateway = await scrape(ports.gateway);
    expect(gateway.every((sample) => sample.labels.service === 'gateway')).toBe(true);
    const posted = { method: 'POST', route: '/api/v1/assignments', status: '201' };
    expect(value(gateway, 'rasad_http_request_duration_seconds_count', posted)).toBeGreaterThanOrEqual(2);
    expect(value(gateway, 'rasad_http_request_duration_seconds_sum', posted)).toBeGreaterThan(0);
    expect(value(gateway, 'rasad_http_request_duration_seconds_sum', posted)).toBeLessThan(60);
    expect(
      value(gateway, 'rasad_http_request_duration_seconds_count', { route: '/api/v1/assignments/:id', status: '404' }),
    ).toBe(1);
    expect(value(gateway, 'rasad_db_pool_connections', { pool: 'orm', state: 'used' })).toBeGreaterThanOrEqual(0);
    expect(value(gateway, 'rasad_process_cpu_user_seconds_total')).toBeGreaterThan(0);

    const roster = await eventually(async () => {
      const samples = await scrape(ports.roster);
      expect(value(samples, 'rasad_outbox_pending_events')).toBe(0);
      return samples;
    });
    expect(
      value(roster, 'rasad_rpc_duration_seconds_count', { subject: RosterSubjects.assignmentCreate, outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      value(roster, 'rasad_rpc_duration_seconds_count', { subject: RosterSubjects.assignmentGet, outcome: 'refused' }),
    ).toBe(1);
    const { rows: sent } = await db.query<{ n: number }>(
      'select count(*)::int as n from roster.outbox where sent_at is not null',
    );
    expect(value(roster, 'rasad_outbox_relayed_total')).toBe(sent[0].n);
    expect(value(roster, 'rasad_outbox_relay_lag_seconds_count')).toBe(sent[0].n);
    expect(value(roster, 'rasad_outbox_oldest_pending_seconds')).toBe(0);
    expect(value(roster, 'rasad_db_pool_connections', { pool: 'relay', state: 'idle' })).toBeGreaterThanOrEqual(0);
    expect(value(roster, 'rasad_db_pool_connections', { pool: 'orm', state: 'idle' })).toBeGreaterThanOrEqual(1);

    const caughtUp = await eventually(async () => {
      const samples = await scrape(ports.briefings);
      expect(value(samples, 'rasad_consumer_pending_events')).toBe(0);
      return samples;
    });
    expect(value(caughtUp, 'rasad_consumer_seconds_behind')).toBe(0);
    expect(samplesOf(caughtUp, 'rasad_dead_letters_open')).toHaveLength(0);

    // A poison message (not an envelope): both consumers put it in their dead letters.
    const nc = await connect({ servers: rasad.commonEnv.NATS_URL });
    await nc.jetstream().publish('evt.roster.personnel.registered.v1', new TextEncoder().encode('not an envelope'));
    await nc.close();
    const briefings = await eventually(async () => {
      const samples = await scrape(ports.briefings);
      expect(value(samples, 'rasad_dead_letters_open', { subject: 'evt.roster.personnel.registered.v1' })).toBe(1);
      expect(
        value(samples, 'rasad_events_dead_lettered_total', { subject: 'evt.roster.personnel.registered.v1' }),
      ).toBe(1);
      return samples;
    });
    const { rows: inbox } = await db.query<{ subject: string; n: number }>(
      'select subject, count(*)::int as n from briefings.inbox group by subject',
    );
    for (const { subject, n } of inbox) {
      expect(value(briefings, 'rasad_events_applied_total', { subject })).toBe(n);
    }
    expect(
      value(briefings, 'rasad_events_applied_total', { subject: RosterEvents.assignmentCreated }),
    ).toBeGreaterThanOrEqual(2);
    expect(value(briefings, 'rasad_event_apply_lag_seconds_count')).toBe(inbox.reduce((sum, row) => sum + row.n, 0));
    expect(value(briefings, 'rasad_event_batch_duration_seconds_count')).toBeGreaterThanOrEqual(1);

    // Both duties' posting notices, on the log channel; the gauge is read at the scrape, so it matches the table once
    // deliveries have settled.
    await eventually(async () => {
      const samples = await scrape(ports.notifier);
      expect(value(samples, 'rasad_notices', { channel: 'log' })).toBeGreaterThanOrEqual(2);
      const { rows } = await db.query<{ status: string; channel: string; n: number }>(
        'select status, channel, count(*)::int as n from notifier.notice group by 1, 2',
      );
      expect(samplesOf(samples, 'rasad_notices')).toHaveLength(rows.length);
      for (const { status, channel, n } of rows) {
        expect(value(samples, 'rasad_notices', { status, channel })).toBe(n);
      }
    });
  });

  it('answers nothing but GET /metrics', async () => {
    expect((await fetch(`http://127.0.0.1:${ports.roster}/other`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${ports.roster}/metrics`, { method: 'POST' })).status).toBe(404);
  });
});
