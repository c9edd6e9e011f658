import { loadEnv } from '@rasad/common';
import { EVENT_STREAM, Headers } from '@rasad/contracts';
import { inboxPrefixFor } from '@rasad/messaging';
import {
  createFilledBriefing,
  createGeography,
  createPersonnel,
  dutyBody,
  eventually,
  natsConfigPasswords,
  startDeployNats,
  NatsServerProcess,
} from '@rasad/testing';
import { NatsConnection, connect, headers as natsHeaders, nanos } from 'nats';
import { Client } from 'pg';
import { createBriefings } from '../apps/briefings/src/bootstrap';
import { BriefingsEnv } from '../apps/briefings/src/briefings.env';
import { createNotifier } from '../apps/notifier/src/bootstrap';
import { NotifierEnv } from '../apps/notifier/src/notifier.env';
import { createMeals } from '../apps/meals/src/bootstrap';
import { MealsEnv } from '../apps/meals/src/meals.env';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';

/** Every user's password in deploy/nats-server.conf, `<user>-secret`. */
const PASSWORDS = natsConfigPasswords();

type NatsUser = 'admin' | 'gateway' | 'roster' | 'briefings' | 'notifier' | 'meals' | 'readiness';

const PASSWORD_OF: Record<NatsUser, string> = {
  admin: PASSWORDS.RASAD_NATS_ADMIN_PASSWORD,
  gateway: PASSWORDS.RASAD_NATS_GATEWAY_PASSWORD,
  roster: PASSWORDS.RASAD_NATS_ROSTER_PASSWORD,
  briefings: PASSWORDS.RASAD_NATS_BRIEFINGS_PASSWORD,
  notifier: PASSWORDS.RASAD_NATS_NOTIFIER_PASSWORD,
  meals: PASSWORDS.RASAD_NATS_MEALS_PASSWORD,
  readiness: PASSWORDS.RASAD_NATS_READINESS_PASSWORD,
};

/** The inbox the gateway's requests ask their replies on, as the app sets it. */
const GATEWAY_INBOX = inboxPrefixFor('gateway') ?? '_INBOX';

/** What an attacker holding one subscription sees: what it received, and why the server ended it. */
function tap(nc: NatsConnection, subject: string) {
  const sub = nc.subscribe(subject);
  const received: string[] = [];
  const ended = (async () => {
    try {
      for await (const msg of sub) {
        received.push(`${msg.subject} ${msg.string()}`);
      }
      return 'ended';
    } catch (error) {
      return (error as Error).message;
    }
  })();
  return { subject, received, ended };
}

/** deploy/nats-server.conf, as docker-compose runs it: each service its own user, allowed only its own subjects. */
describe('NATS credentials per service', () => {
  let nats: NatsServerProcess;
  let rasad: RunningRasad;

  beforeAll(async () => {
    ({ nats } = await startDeployNats());
    rasad = await startRasad(
      'nats_permissions',
      { NATS_URL: nats.url },
      {
        roster: { NATS_USER: 'roster', NATS_PASSWORD: PASSWORDS.RASAD_NATS_ROSTER_PASSWORD },
        gateway: {
          NATS_USER: 'gateway',
          NATS_PASSWORD: PASSWORDS.RASAD_NATS_GATEWAY_PASSWORD,
          RASAD_SERVICES: 'roster,briefings,notifier,meals',
          RASAD_EVENT_CONSUMERS: 'briefings,notifier,meals',
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
          (env) =>
            createMeals(
              loadEnv(MealsEnv, {
                ...env,
                RASAD_DEMO_DATA: 'false',
                NATS_USER: 'meals',
                NATS_PASSWORD: PASSWORDS.RASAD_NATS_MEALS_PASSWORD,
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

  /** A client holding a service's credentials, with the inbox prefix that service uses. */
  const connectAs = (user: NatsUser) =>
    connect({ servers: nats.url, user, pass: PASSWORD_OF[user], inboxPrefix: inboxPrefixFor(user) });

  it('runs every service under its own user: requests, outbox relays and durable consumers', async () => {
    const health = await rasad.api.get('/health');
    expect(health.status).toBe(200);
    const geo = await createGeography(rasad.api, 'PERM');
    expect((await rasad.api.get(`/api/v1/districts/${geo.districtId}`)).status).toBe(200);

    // The roster's event reaches the notifier's consumer, which writes a posting notice.
    const person = await createPersonnel(rasad.api, geo);
    const duty = await rasad.api.post('/api/v1/assignments', dutyBody(person.id, geo.postId));
    expect(duty.status).toBe(201);
    await eventually(async () => {
      const notices = await rasad.api.get(`/api/v1/notifications?personnelId=${person.id}`);
      expect(notices.body.items.map((n: { kind: string }) => n.kind)).toEqual(['duty_posted']);
    });

    // Briefings answers under its user, relays its event, and the notifier consumes it: an invitation notice.
    await createFilledBriefing(rasad.api, geo.districtId);
    await eventually(async () => {
      const notices = await rasad.api.get(`/api/v1/notifications?personnelId=${person.id}`);
      expect(notices.body.items.map((n: { kind: string }) => n.kind)).toContain('briefing_invitation');
    });

    // Meals answers under its user and reads the roster's events through its own consumer: the duty's meals.
    const kitchen = await rasad.api.post('/api/v1/meals/kitchens', {
      name: 'Police Lines Mess',
      districtId: geo.districtId,
      contactPhone: '+923001234567',
      capacityPerSlot: 10,
      costPerMeal: 300,
    });
    expect(kitchen.status).toBe(201);
    await eventually(async () => {
      const headcounts = await rasad.api.get(`/api/v1/meals/headcounts?districtId=${geo.districtId}&date=2027-02-08`);
      expect(headcounts.body.items.map((h: { slot: string }) => h.slot)).toEqual(['breakfast', 'lunch']);
    });
    const generated = await rasad.api.post('/api/v1/meals/plans/generate', {
      districtId: geo.districtId,
      date: '2027-02-08',
    });
    expect(generated.body).toMatchObject({ planned: 2, unplaced: [] });
    // Its relay publishes the plans' events under its user.
    const db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    try {
      await eventually(async () => {
        const { rows } = await db.query<{ sent: number; pending: number }>(
          `select count(*) filter (where sent_at is not null)::int as sent,
             count(*) filter (where sent_at is null)::int as pending from meals.outbox`,
        );
        expect(rows[0]).toEqual({ sent: 2, pending: 0 });
      });
    } finally {
      await db.end();
    }
  });

  it('refuses the roster’s user when it publishes on a briefings subject or another service’s events', async () => {
    const nc = await connectAs('roster');
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
    const nc = await connectAs('notifier');
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
    const gateway = await connectAs('gateway');
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

  it('lets the gateway read readiness’s verdict changes as they pass (the console’s live view), and no other event', async () => {
    const gateway = await connectAs('gateway');
    const readiness = await connectAs('readiness');
    try {
      const errors: string[] = [];
      void (async () => {
        for await (const status of gateway.status()) {
          errors.push(typeof status.data === 'string' ? status.data : JSON.stringify(status.data));
        }
      })();
      const verdicts = tap(gateway, 'evt.readiness.verdict.changed.v1');
      await gateway.flush();
      readiness.publish('evt.readiness.verdict.changed.v1', '{"payload":{}}');
      await readiness.flush();
      await eventually(() => expect(verdicts.received).toEqual(['evt.readiness.verdict.changed.v1 {"payload":{}}']));
      gateway.subscribe('evt.roster.>');
      await eventually(async () => {
        await gateway.flush();
        expect(errors).toContain('PERMISSIONS_VIOLATION');
      });
    } finally {
      await gateway.close();
      await readiness.close();
    }
  });

  it('keeps the replies to the gateway from the notifier’s user: it may subscribe to no inbox but its own', async () => {
    const notifier = await connectAs('notifier');
    try {
      const taps = [`${GATEWAY_INBOX}.>`, '_INBOX.>', '>'].map((subject) => tap(notifier, subject));
      await notifier.flush();

      // Replies that carry personal data: the admin reads a person with the CNIC unmasked.
      const geo = await createGeography(rasad.api, 'TAP');
      const person = await createPersonnel(rasad.api, geo);
      const read = await rasad.api.get(`/api/v1/personnel/${person.id}`);
      expect(read.status).toBe(200);
      expect(read.body.cnic).toMatch(/^\d{5}-\d{7}-\d$/);
      await notifier.flush();

      for (const { subject, received, ended } of taps) {
        expect({ subject, received }).toEqual({ subject, received: [] });
        await expect(ended).resolves.toMatch(/permissions violation for subscription/i);
      }
    } finally {
      await notifier.close();
    }
  });

  it('refuses a reply forged by the notifier’s user to a gateway inbox: the gateway never sees it', async () => {
    const gateway = await connectAs('gateway');
    const notifier = await connectAs('notifier');
    const refusals: string[] = [];
    void (async () => {
      for await (const status of notifier.status()) {
        refusals.push(typeof status.data === 'string' ? status.data : JSON.stringify(status.data));
      }
    })();
    try {
      const waiting = tap(gateway, `${GATEWAY_INBOX}.forged.>`);
      await gateway.flush();
      notifier.publish(`${GATEWAY_INBOX}.forged.1`, JSON.stringify({ response: { cnic: '00000-0000000-0' } }));
      await notifier.flush();
      await gateway.flush();
      expect(waiting.received).toEqual([]);
      await eventually(() => {
        expect(refusals).toContain('PERMISSIONS_VIOLATION');
      });
      // A request (a publish that names a reply inbox) is refused the same way, and names the subject.
      await expect(notifier.request(`${GATEWAY_INBOX}.forged.2`, undefined, { timeout: 2000 })).rejects.toThrow(
        /permissions violation for publish/i,
      );
    } finally {
      await notifier.close();
      await gateway.close();
    }
  });

  it('lets no service change the stream or another service’s consumer: only the deploy step’s admin user', async () => {
    for (const user of ['notifier', 'roster', 'briefings'] as const) {
      const nc = await connectAs(user);
      try {
        const jsm = await nc.jetstreamManager();
        const current = (await jsm.streams.info(EVENT_STREAM)).config;
        const refused = /permissions violation for publish/i;
        await expect(jsm.streams.update(EVENT_STREAM, { ...current, max_age: nanos(3600_000) })).rejects.toThrow(
          refused,
        );
        await expect(jsm.streams.purge(EVENT_STREAM)).rejects.toThrow(refused);
        await expect(jsm.streams.delete(EVENT_STREAM)).rejects.toThrow(refused);
        await expect(jsm.streams.add({ name: 'RASAD_SHADOW', subjects: ['shadow.>'] })).rejects.toThrow(refused);
        // Taking over the notifier's durable consumer would ack its events away from it.
        const victim = user === 'notifier' ? 'briefings' : 'notifier';
        await expect(jsm.consumers.info(EVENT_STREAM, victim)).rejects.toThrow(refused);
        await expect(jsm.consumers.delete(EVENT_STREAM, victim)).rejects.toThrow(refused);
      } finally {
        await nc.close();
      }
    }
    const admin = await connectAs('admin');
    try {
      const stream = await (await admin.jetstreamManager()).streams.info(EVENT_STREAM);
      expect(stream.config.max_age).toBe(nanos(90 * 24 * 3600_000));
      expect(stream.state.messages).toBeGreaterThan(0);
    } finally {
      await admin.close();
    }
  });

  it('lets only the gateway send requests to a service, so only the gateway sets x-rasad-districts', async () => {
    const scope = natsHeaders();
    scope.set(Headers.scope, '*');
    for (const user of ['roster', 'briefings', 'notifier'] as const) {
      const nc = await connectAs(user);
      try {
        await expect(
          nc.request('roster.personnel.list.v1', JSON.stringify({ pattern: 'roster.personnel.list.v1', data: {} }), {
            timeout: 2000,
            headers: scope,
          }),
        ).rejects.toThrow(/permissions violation for publish/i);
      } finally {
        await nc.close();
      }
    }
  });
});
