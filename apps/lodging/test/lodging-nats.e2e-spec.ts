import { loadEnv } from '@rasad/common';
import { inboxPrefixFor } from '@rasad/messaging';
import { createGeography, eventually, natsConfigPasswords, startDeployNats, NatsServerProcess } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { connect } from 'nats';
import { Client } from 'pg';
import { createLodging } from '../src/bootstrap';
import { LodgingEnv } from '../src/lodging.env';
import { LodgingWorld } from './lodging-fixtures';

/** Every user's password in deploy/nats-server.conf, `<user>-secret`. */
const PASSWORDS = natsConfigPasswords();

/** deploy/nats-server.conf, as docker compose runs it: lodging under its own user, allowed only its own subjects. */
describe('lodging under its NATS user', () => {
  let nats: NatsServerProcess;
  let rasad: RunningRasad;
  let db: Client;

  beforeAll(async () => {
    ({ nats } = await startDeployNats());
    rasad = await startRasad(
      'lodging_nats',
      { NATS_URL: nats.url },
      {
        roster: { NATS_USER: 'roster', NATS_PASSWORD: PASSWORDS.RASAD_NATS_ROSTER_PASSWORD },
        gateway: {
          NATS_USER: 'gateway',
          NATS_PASSWORD: PASSWORDS.RASAD_NATS_GATEWAY_PASSWORD,
          RASAD_SERVICES: 'roster,lodging',
          RASAD_EVENT_CONSUMERS: 'lodging',
        },
      },
      {
        services: [
          (env) =>
            createLodging(
              loadEnv(LodgingEnv, {
                ...env,
                NATS_USER: 'lodging',
                NATS_PASSWORD: PASSWORDS.RASAD_NATS_LODGING_PASSWORD,
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

  it('answers requests, consumes the roster through its durable consumer and relays its own events', async () => {
    const api = rasad.api;
    const world = new LodgingWorld(api, db);
    const haripur = await createGeography(api, 'LNH');
    const away = await createGeography(api, 'LNA');
    const site = await world.site(haripur);
    const room = await world.room(site.id, 'male', ['1']);
    const person = await world.person(away);
    await world.projected([
      await world.duty(person, haripur.postId, '2027-02-07T18:00:00+05:00', '2027-02-08T02:00:00+05:00'),
    ]);
    const allocation = await api.post('/api/v1/lodging/allocations', {
      personnelId: person,
      bedId: room.beds[0].id,
      firstNight: '2027-02-07',
      lastNight: '2027-02-07',
    });
    expect(allocation.status).toBe(201);
    await eventually(async () => {
      const { rows } = await db.query(
        `select sent_at from lodging.outbox where subject = 'evt.lodging.allocation.created.v1' and aggregate_id = $1`,
        [allocation.body.id],
      );
      expect(rows).toEqual([{ sent_at: expect.any(Date) }]);
    });
  });

  it("refuses lodging's user when it publishes another service's events or sends requests", async () => {
    const nc = await connect({
      servers: nats.url,
      user: 'lodging',
      pass: PASSWORDS.RASAD_NATS_LODGING_PASSWORD,
      inboxPrefix: inboxPrefixFor('lodging'),
    });
    try {
      await expect(
        nc.jetstream().publish('evt.roster.assignment.cancelled.v1', undefined, { timeout: 2000 }),
      ).rejects.toThrow(/permissions violation/i);
      await expect(nc.request('roster.personnel.list.v1', undefined, { timeout: 2000 })).rejects.toThrow(
        /permissions violation/i,
      );
    } finally {
      await nc.close();
    }
  });
});
