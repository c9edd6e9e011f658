import { loadEnv } from '@rasad/common';
import { inboxPrefixFor } from '@rasad/messaging';
import {
  NatsServerProcess,
  createGeography,
  createPersonnel,
  eventually,
  natsConfigPasswords,
  startDeployNats,
} from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { connect } from 'nats';
import { Client } from 'pg';
import { createReadiness } from '../src/bootstrap';
import { ReadinessEnv } from '../src/readiness.env';

/** Every user's password in deploy/nats-server.conf, `<user>-secret`. */
const PASSWORDS = natsConfigPasswords();

/** deploy/nats-server.conf, as docker compose runs it: readiness under its own user, allowed only its own subjects. */
describe('readiness under its NATS user', () => {
  let nats: NatsServerProcess;
  let rasad: RunningRasad;
  let db: Client;

  beforeAll(async () => {
    ({ nats } = await startDeployNats());
    rasad = await startRasad(
      'readiness_nats',
      { NATS_URL: nats.url },
      {
        roster: { NATS_USER: 'roster', NATS_PASSWORD: PASSWORDS.RASAD_NATS_ROSTER_PASSWORD },
        gateway: {
          NATS_USER: 'gateway',
          NATS_PASSWORD: PASSWORDS.RASAD_NATS_GATEWAY_PASSWORD,
          RASAD_SERVICES: 'roster,readiness',
          RASAD_EVENT_CONSUMERS: 'readiness',
        },
      },
      {
        services: [
          (env) =>
            createReadiness(
              loadEnv(ReadinessEnv, {
                ...env,
                NATS_USER: 'readiness',
                NATS_PASSWORD: PASSWORDS.RASAD_NATS_READINESS_PASSWORD,
              }),
            ),
        ],
      },
    );
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
    await nats?.stop();
  });

  it('consumes the roster, relays its verdicts and reads the stream for its freshness', async () => {
    const api = rasad.api;
    const haripur = await createGeography(api, 'RNH');
    const person = (await createPersonnel(api, haripur)).id;
    const duty = await api.post('/api/v1/assignments', {
      personnelId: person,
      postId: haripur.postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt: '2027-02-08T06:00:00+05:00',
      endsAt: '2027-02-08T20:00:00+05:00',
    });
    expect(duty.status).toBe(201);
    await eventually(async () => {
      const { rows } = await db.query(
        `select sent_at from readiness.outbox where subject = 'evt.readiness.verdict.changed.v1' and aggregate_id = $1`,
        [duty.body.id],
      );
      expect(rows).toEqual([{ sent_at: expect.any(Date) }]);
    });
    await eventually(async () => {
      const summary = await api.get(`/api/v1/readiness/summary?districtId=${haripur.districtId}`);
      expect(summary.status).toBe(200);
      expect(summary.body.totals.assignments).toBe(1);
      const roster = summary.body.freshness.find((f: { service: string }) => f.service === 'roster');
      expect(roster).toMatchObject({ behindEvents: 0, behindSeconds: 0, lastEventAt: expect.any(String) });
    });
  });

  it("refuses readiness's user when it publishes another service's events or sends requests", async () => {
    const nc = await connect({
      servers: nats.url,
      user: 'readiness',
      pass: PASSWORDS.RASAD_NATS_READINESS_PASSWORD,
      inboxPrefix: inboxPrefixFor('readiness'),
    });
    try {
      await expect(nc.jetstream().publish('evt.meals.plan.planned.v1', undefined, { timeout: 2000 })).rejects.toThrow(
        /permissions violation/i,
      );
      await expect(nc.request('roster.tehsil.list.v1', undefined, { timeout: 2000 })).rejects.toThrow(
        /permissions violation/i,
      );
    } finally {
      await nc.close();
    }
  });
});
