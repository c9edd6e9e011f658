import { loadEnv } from '@rasad/common';
import { EventSubjects } from '@rasad/contracts';
import { Geography, TestApi, createGeography, eventually } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { NatsConnection, connect } from 'nats';
import { Client } from 'pg';
import { createBriefings } from '../src/bootstrap';
import { BriefingsEnv } from '../src/briefings.env';
import { BriefingsWorld, hoursFromNow, streamEvents } from './briefings-fixtures';

/** An officer's day with briefings, through the API: what used to stick, clash or answer 500. */
describe("briefings: an officer's day", () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let nc: NatsConnection;
  let world: BriefingsWorld;
  let geo: Geography;

  beforeAll(async () => {
    rasad = await startRasad(
      'briefings_officer',
      {},
      { gateway: { RASAD_EVENT_CONSUMERS: 'briefings' } },
      { services: [(common) => createBriefings(loadEnv(BriefingsEnv, common))] },
    );
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    nc = await connect({ servers: rasad.commonEnv.NATS_URL });
    world = new BriefingsWorld(api, db);
    geo = await createGeography(api, 'OFD1');
  });

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await rasad?.stop();
  });

  /** People with one duty each at the district's post, starting this many hours from now, as briefings sees them. */
  async function dutiful(...startsInHours: number[]): Promise<string[]> {
    const people = await Promise.all(startsInHours.map(() => world.person(geo)));
    const duties = [];
    for (const [n, person] of people.entries()) {
      duties.push(await world.duty(person, geo.postId, startsInHours[n]));
    }
    await world.projected(people, duties);
    return people;
  }

  const invitedIds = (body: { invited: { personnelId: string }[] }) => body.invited.map((p) => p.personnelId);

  describe('filling without a selector', () => {
    it('fills from the whole district when the body is empty or absent', async () => {
      const [first, second] = await dutiful(70, 71);
      const session = await world.session(geo.districtId, 24, {
        venue: { name: 'Hall', address: 'Road', capacity: 1 },
      });
      const empty = await api.post(`/api/v1/briefings/${session.id}/fill`, {});
      expect(empty.status).toBe(200);
      expect(invitedIds(empty.body)).toEqual([first]);
      const other = await world.session(geo.districtId, 25);
      const absent = await api.post(`/api/v1/briefings/${other.id}/fill`);
      expect(absent.status).toBe(200);
      expect(invitedIds(absent.body)).toContain(second);
    });
  });

  describe('sessions that used to get stuck', () => {
    it('refuses a session that starts in the past, naming startsAt, and writes nothing', async () => {
      const response = await api.post('/api/v1/briefings', {
        title: 'Late',
        topics: ['code_of_conduct'],
        venue: { name: 'Hall', address: 'Road', capacity: 10 },
        startsAt: hoursFromNow(-2),
        endsAt: hoursFromNow(1),
        presenter: 'DSP Legal',
        districtId: geo.districtId,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'startsAt', message: 'startsAt must be in the future' }]);
      const { rows } = await db.query("select 1 from briefings.session where title = 'Late'");
      expect(rows).toEqual([]);
    });

    it('cancels a session that has started but was not held', async () => {
      const session = await world.session(geo.districtId, 5);
      await world.started(session.id);
      const cancelled = await api.post(`/api/v1/briefings/${session.id}/cancel`, { reason: 'Presenter did not come' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', statusReason: 'Presenter did not come' });
    });

    it('moves a session whose start passed without a roll call, but not one that was held', async () => {
      const [person] = await dutiful(90);
      const missed = await world.session(geo.districtId, 6);
      await world.started(missed.id);
      const moved = await api.post(`/api/v1/briefings/${missed.id}/reschedule`, {
        startsAt: hoursFromNow(30),
        endsAt: hoursFromNow(32),
        reason: 'Presenter did not come',
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ status: 'scheduled', startsAt: expect.any(String), releasedForClash: [] });

      const held = await world.session(geo.districtId, 7);
      await world.started(held.id);
      const roll = await api.post(`/api/v1/briefings/${held.id}/attendance`, {
        entries: [{ personnelId: person, status: 'present' }],
      });
      expect(roll.status).toBe(201);
      const refused = await api.post(`/api/v1/briefings/${held.id}/reschedule`, {
        startsAt: hoursFromNow(30),
        endsAt: hoursFromNow(32),
        reason: 'Again',
      });
      expect(refused.status).toBe(409);
    });

    it('keeps a running session open to latecomers until the officer completes it', async () => {
      const [early, late, later] = await dutiful(100, 101, 102);
      const session = await world.session(geo.districtId, 8);
      const path = `/api/v1/briefings/${session.id}`;
      expect((await api.post(`${path}/complete`)).status).toBe(409); // not started yet
      await world.started(session.id);
      expect((await api.post(`${path}/invitations`, { personnelIds: [early] })).status).toBe(201);
      const roll = await api.post(`${path}/attendance`, { entries: [{ personnelId: early, status: 'present' }] });
      expect(roll.status).toBe(201);
      expect((await api.get(path)).body.status).toBe('scheduled');
      // A latecomer walks in after the first roll-call entry: invited and marked.
      expect((await api.post(`${path}/invitations`, { personnelIds: [late] })).status).toBe(201);
      expect(
        (await api.post(`${path}/attendance`, { entries: [{ personnelId: late, status: 'present' }] })).status,
      ).toBe(201);

      const completed = await api.post(`${path}/complete`);
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({ status: 'completed', seatsTaken: 2 });
      expect((await api.post(`${path}/complete`)).body.status).toBe('completed');
      expect((await api.post(`${path}/invitations`, { personnelIds: [later] })).status).toBe(409);
      expect((await api.post(`${path}/cancel`, { reason: 'Too late' })).status).toBe(409);
      // Corrections to the roll call stay possible.
      expect(
        (await api.post(`${path}/attendance`, { entries: [{ personnelId: late, status: 'excused' }] })).status,
      ).toBe(201);
    });

    it('counts no topics from a session that was cancelled after its roll call', async () => {
      const [person] = await dutiful(110);
      const session = await world.session(geo.districtId, 9);
      await world.started(session.id);
      await api.post(`/api/v1/briefings/${session.id}/attendance`, {
        entries: [{ personnelId: person, status: 'present', codeOfConductAcknowledged: true }],
      });
      expect((await api.post(`/api/v1/briefings/${session.id}/cancel`, { reason: 'Wrong hall' })).status).toBe(200);
      const topics = await api.get(`/api/v1/briefings/attended-topics?personnelId=${person}`);
      expect(topics.body).toMatchObject({ topics: [], sessions: [] });
    });
  });

  describe("briefings and the person's own duty", () => {
    it('fills only people free for the whole session', async () => {
      const [busy, free] = await dutiful(72, 73);
      // Busy is on duty (anywhere) while the briefing runs.
      const elsewhere = await createGeography(api, 'OFD1X');
      const clashing = await world.duty(busy, elsewhere.postId, 23);
      await world.projected([busy], [clashing]);
      const session = await world.session(geo.districtId, 24);
      const fill = await api.post(`/api/v1/briefings/${session.id}/fill`, { selector: { personnelIds: [busy, free] } });
      expect(fill.status).toBe(200);
      expect(invitedIds(fill.body)).toEqual([free]);
      expect(fill.body.leftOverTotal).toBe(0);
    });

    it('releases, on reschedule, the seats of those now on duty during the briefing, and says so', async () => {
      const [moving, staying] = await dutiful(120, 121);
      const dutyDuringMove = await world.duty(moving, geo.postId, 48);
      await world.projected([moving], [dutyDuringMove]);
      const session = await world.session(geo.districtId, 24);
      const fill = await api.post(`/api/v1/briefings/${session.id}/fill`, {
        selector: { personnelIds: [moving, staying] },
      });
      expect(invitedIds(fill.body).sort()).toEqual([moving, staying].sort());

      const moved = await api.post(`/api/v1/briefings/${session.id}/reschedule`, {
        startsAt: hoursFromNow(50),
        endsAt: hoursFromNow(52),
        reason: 'Hall needed',
      });
      expect(moved.status).toBe(200);
      expect(moved.body.seatsTaken).toBe(1);
      expect(moved.body.releasedForClash).toEqual([
        {
          personnelId: moving,
          invitationId: expect.any(String),
          dutyId: dutyDuringMove,
          dutyStartsAt: expect.any(String),
          dutyEndsAt: expect.any(String),
        },
      ]);
      const invitations = await api.get(`/api/v1/briefings/${session.id}/invitations`);
      const of = (person: string) =>
        invitations.body.items.find((i: { personnelId: string }) => i.personnelId === person);
      expect(of(moving)).toMatchObject({ status: 'cancelled', statusReason: 'duty_clash' });
      expect(of(staying)).toMatchObject({ status: 'invited' });

      const cancelled = await eventually(async () => {
        const found = (await streamEvents<any>(nc, EventSubjects.invitationCancelled)).filter(
          (e) => e.aggregateId === session.id,
        );
        expect(found).toHaveLength(1);
        return found;
      });
      expect(cancelled[0].payload).toMatchObject({ personnelId: moving, reason: 'duty_clash', status: 'cancelled' });
      const rescheduled = await eventually(async () => {
        const found = (await streamEvents<any>(nc, EventSubjects.sessionRescheduled)).filter(
          (e) => e.aggregateId === session.id,
        );
        expect(found).toHaveLength(1);
        return found;
      });
      expect(rescheduled[0].payload.personnelIds).toEqual([staying]);
    });
  });
});
