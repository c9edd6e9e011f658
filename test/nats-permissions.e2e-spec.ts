import { NatsServerProcess, eventually } from '@rasad/testing';
import { connect } from 'nats';
import { RunningRasad, startRasad } from './support/rasad-app';

const PASSWORDS = {
  RASAD_NATS_GATEWAY_PASSWORD: 'gateway-secret',
  RASAD_NATS_ROSTER_PASSWORD: 'roster-secret',
  RASAD_NATS_BRIEFINGS_PASSWORD: 'briefings-secret',
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
        gateway: { NATS_USER: 'gateway', NATS_PASSWORD: PASSWORDS.RASAD_NATS_GATEWAY_PASSWORD },
      },
    );
  });

  afterAll(async () => {
    await rasad?.stop();
    await nats?.stop();
  });

  it('runs the gateway and the roster under their own users, events included', async () => {
    const health = await rasad.api.get('/health');
    expect(health.status).toBe(200);
    const created = await rasad.api.post('/api/v1/districts', { code: 'PERM', name: 'Permissions' });
    expect(created.status).toBe(201);
    expect((await rasad.api.get(`/api/v1/districts/${created.body.id}`)).status).toBe(200);
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
