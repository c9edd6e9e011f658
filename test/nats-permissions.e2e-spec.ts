import { loadEnv } from '@rasad/common';
import { NatsServerProcess, createGeography, createPersonnel, eventually } from '@rasad/testing';
import { connect } from 'nats';
import { createBriefings } from '../apps/briefings/src/bootstrap';
import { BriefingsEnv } from '../apps/briefings/src/briefings.env';
import { createNotifier } from '../apps/notifier/src/bootstrap';
import { NotifierEnv } from '../apps/notifier/src/notifier.env';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';

const PASSWORDS = {
  RASAD_NATS_GATEWAY_PASSWORD: 'gateway-secret',
  RASAD_NATS_ROSTER_PASSWORD: 'roster-secret',
  RASAD_NATS_BRIEFINGS_PASSWORD: 'briefings-secret',
  RASAD_NATS_NOTIFIER_PASSWORD: 'notifier-secret',
};

/** deploy/nats-server.conf, as docker-compose runs it: each service its own user, allowed only its own subjects. */
describe('NATS credentials per service', () => {
  let nats: NatsServerProcess;
  let rasad: RunningRasad;

  beforeAll(async () => {
    nats = await NatsServerProcess.start({ config: 'deploy/nats-server.conf', env: PASSWORDS });
    rasad = await startRasad(
      'nats_permissions',
      { NATS_URL: nats.url },
      {
        roster: { NATS_USER: 'roster', NATS_PASSWORD: PASSWORDS.RASAD_NATS_ROSTER_PASSWORD },
        gateway: {
          NATS_USER: 'gateway',
          NATS_PASSWORD: PASSWORDS.RASAD_NATS_GATEWAY_PASSWORD,
          RASAD_SERVICES: 'roster,briefings,notifier',
          RASAD_EVENT_CONSUMERS: 'briefings,notifier',
        },
      },
      {
        services: [
          (env) =>
            createBriefings(
              loadEnv(BriefingsEnv, {
                ...env,
                NATS_USER: 'briefings',
                NATS_PASSWORD: PASSWORDS.RASAD_NATS_BRIEFINGS_PASSWORD,
              }),
            ),
          (env) =>
            createNotifier(
              loadEnv(NotifierEnv, {
                ...env,
                NATS_USER: 'notifier',
                NATS_PASSWORD: PASSWORDS.RASAD_NATS_NOTIFIER_PASSWORD,
              }),
            ),
        ],
      },
    );
  });

  afterAll(async () => {
    await rasad?.stop();
    await nats?.stop();
  });

  it('runs every service under its own user: requests, outbox relays and durable consumers', async () => {
    const health = await rasad.api.get('/health');
    expect(health.status).toBe(200);
    const geo = await createGeography(rasad.api, 'PERM');
    expect((await rasad.api.get(`/api/v1/districts/${geo.districtId}`)).status).toBe(200);

    // The roster's event reaches the notifier's consumer, which writes a posting notice.
    const person = await createPersonnel(rasad.api, geo);
    const duty = await rasad.api.post('/api/v1/assignments', {
      personnelId: person.id,
      postId: geo.postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt: '2027-02-08T06:00:00+05:00',
      endsAt: '2027-02-08T20:00:00+05:00',
    });
    expect(duty.status).toBe(201);
    await eventually(async () => {
      const notices = await rasad.api.get(`/api/v1/notifications?personnelId=${person.id}`);
      expect(notices.body.items.map((n: { kind: string }) => n.kind)).toEqual(['duty_posted']);
    });

    // Briefings answers under its user, relays its event, and the notifier consumes it: an invitation notice.
    const session = await rasad.api.post('/api/v1/briefings', {
      title: 'Code of conduct',
      topics: ['code_of_conduct'],
      venue: { name: 'Police Lines Hall', address: 'Haripur', capacity: 5 },
      startsAt: '2027-02-05T10:00:00+05:00',
      endsAt: '2027-02-05T12:00:00+05:00',
      presenter: 'DSP Legal',
      districtId: geo.districtId,
    });
    expect(session.status).toBe(201);
    await eventually(async () => {
      const fill = await rasad.api.post(`/api/v1/briefings/${session.body.id}/fill`, { selector: {} });
      expect(fill.body.seatsTaken).toBe(1);
    });
    await eventually(async () => {
      const notices = await rasad.api.get(`/api/v1/notifications?personnelId=${person.id}`);
      expect(notices.body.items.map((n: { kind: string }) => n.kind)).toContain('briefing_invitation');
    });
  });

  it('refuses the roster’s user when it publishes on a briefings subject or another service’s events', async () => {
    const nc = await connect({ servers: nats.url, user: 'roster', pass: PASSWORDS.RASAD_NATS_ROSTER_PASSWORD });
    try {
      await expect(nc.request('briefings.session.create.v1', undefined, { timeout: 2000 })).rejects.toThrow(
        /permissions violation/i,
      );
      const js = nc.jetstream();
      await expect(js.publish('evt.briefings.session.scheduled.v1', undefined, { timeout: 2000 })).rejects.toThrow(
        /permissions violation/i,
      );
      await expect(js.publish('evt.roster.test.v1', undefined, { timeout: 2000 })).resolves.toMatchObject({
        stream: 'RASAD_EVENTS',
      });
    } finally {
      await nc.close();
    }
  });

  it('refuses the notifier’s user when it publishes any event or serves briefings requests', async () => {
    const nc = await connect({ servers: nats.url, user: 'notifier', pass: PASSWORDS.RASAD_NATS_NOTIFIER_PASSWORD });
    try {
      const js = nc.jetstream();
      await expect(js.publish('evt.briefings.reminder.due.v1', undefined, { timeout: 2000 })).rejects.toThrow(
        /permissions violation/i,
      );
      await expect(nc.request('roster.personnel.list.v1', undefined, { timeout: 2000 })).rejects.toThrow(
        /permissions violation/i,
      );
    } finally {
      await nc.close();
    }
  });

  it('refuses a wrong password and the gateway’s user when it tries to serve roster requests', async () => {
    await expect(connect({ servers: nats.url, user: 'roster', pass: 'wrong', reconnect: false })).rejects.toThrow(
      /authorization/i,
    );
    const gateway = await connect({ servers: nats.url, user: 'gateway', pass: PASSWORDS.RASAD_NATS_GATEWAY_PASSWORD });
    try {
      const errors: string[] = [];
      void (async () => {
        for await (const status of gateway.status()) {
          errors.push(typeof status.data === 'string' ? status.data : JSON.stringify(status.data));
        }
      })();
      gateway.subscribe('roster.>');
      await eventually(async () => {
        await gateway.flush();
        expect(errors).toContain('PERMISSIONS_VIOLATION');
      });
    } finally {
      await gateway.close();
    }
  });
});
