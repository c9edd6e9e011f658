import { BriefingsEvents } from '@rasad/contracts';
import { Geography, TestApi, createGeography, eventually } from '@rasad/testing';
import { NatsConnection } from 'nats';
import { Client } from 'pg';
import { RunningRasad } from '@rasad/testing/rasad-app';
import { BriefingsSuite, BriefingsWorld, hoursFromNow, startBriefingsSuite, streamEvents } from './briefings-fixtures';

/** Briefings end to end: roster events in, sessions filled within capacity, attendance, events out. */
describe('briefings', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let nc: NatsConnection;
  let world: BriefingsWorld;

  let suite: BriefingsSuite;

  beforeAll(async () => {
    suite = await startBriefingsSuite('briefings');
    ({ rasad, api, db, nc, world } = suite);
  });

  afterAll(() => suite?.stop());

  describe('filling', () => {
    let geo: Geography;
    const byDuty: string[] = [];
    let early: string;
    let cancelled: string;
    let elsewhere: string;

    beforeAll(async () => {
      geo = await createGeography(api, 'BRF1');
      const other = await createGeography(api, 'BRF1X');
      const people = await Promise.all(Array.from({ length: 5 }, () => world.person(geo)));
      // Duties made in an order unlike their start times: the fill must rank by duty, not by creation.
      const starts = [100, 60, 80, 120, 70];
      const duties = [];
      for (const [n, person] of people.entries()) {
        duties.push(await world.duty(person, geo.postId, starts[n]));
      }
      byDuty.push(...[1, 4, 2, 0, 3].map((n) => people[n]));
      early = await world.person(geo);
      duties.push(await world.duty(early, geo.postId, 30)); // starts before the session ends
      cancelled = await world.person(geo);
      const gone = await world.duty(cancelled, geo.postId, 90);
      expect((await api.post(`/api/v1/assignments/${gone}/cancel`, { reason: 'transferred' })).status).toBe(200);
      elsewhere = await world.person(other);
      duties.push(await world.duty(elsewhere, other.postId, 90));
      await world.projected([...people, early, cancelled, elsewhere], [...duties, gone], [geo.postId]);
      await eventually(async () => {
        const { rows } = await db.query('select status from briefings.duty where id = $1', [gone]);
        expect(rows[0].status).toBe('cancelled');
      });
    });

    it('invites up to capacity, earliest duty first, and names who is left over', async () => {
      const session = await world.session(geo.districtId, 48, {
        venue: { name: 'Hall', address: 'Road', capacity: 3 },
      });
      const fill = await api.post(`/api/v1/briefings/${session.id}/fill`, { selector: {} });
      expect(fill.status).toBe(200);
      expect(fill.body.invited.map((p: { personnelId: string }) => p.personnelId)).toEqual(byDuty.slice(0, 3));
      expect(fill.body.leftOver.map((p: { personnelId: string }) => p.personnelId)).toEqual(byDuty.slice(3));
      expect(fill.body).toMatchObject({ seatsTaken: 3, capacity: 3, leftOverTotal: 2 });
      expect(fill.body.leftOver[0].invitationId).toBeNull();
      const firstDuties = fill.body.invited.map((p: { firstDutyStartsAt: string }) => p.firstDutyStartsAt);
      expect([...firstDuties].sort()).toEqual(firstDuties);

      const again = await api.post(`/api/v1/briefings/${session.id}/fill`, { selector: {} });
      expect(again.body).toMatchObject({ invited: [], seatsTaken: 3, leftOverTotal: 2 });

      const invitations = await api.get(`/api/v1/briefings/${session.id}/invitations`);
      expect(invitations.body.items).toHaveLength(3);
      expect(invitations.body.items[0]).toMatchObject({ status: 'invited', personnel: { name: 'Muhammad Imran' } });
      expect((await api.get(`/api/v1/briefings/${session.id}`)).body.seatsTaken).toBe(3);

      const created = await eventually(async () => {
        const events = (await streamEvents<any>(nc, BriefingsEvents.invitationCreated)).filter(
          (e) => e.aggregateId === session.id,
        );
        expect(events).toHaveLength(3);
        return events;
      });
      expect(created[0].payload).toMatchObject({ status: 'invited', session: { id: session.id, capacity: 3 } });
      expect(new Set(created.map((e) => e.payload.personnelId))).toEqual(new Set(byDuty.slice(0, 3)));
    });

    it('narrows by the selector and never seats a person twice across upcoming sessions', async () => {
      const session = await world.session(geo.districtId, 50);
      const fill = await api.post(`/api/v1/briefings/${session.id}/fill`, {
        selector: { tehsilId: geo.tehsilId, postCategory: 'A', phase: 'poll_day', role: 'guard' },
      });
      // The three seated in the first session are not offered a second seat; the two left over are.
      expect(fill.body.invited.map((p: { personnelId: string }) => p.personnelId)).toEqual(byDuty.slice(3));
      const none = await api.post(`/api/v1/briefings/${session.id}/fill`, { selector: { role: 'driver' } });
      expect(none.body).toMatchObject({ invited: [], leftOver: [], leftOverTotal: 0 });
      for (const excluded of [early, cancelled, elsewhere]) {
        expect(fill.body.invited.map((p: { personnelId: string }) => p.personnelId)).not.toContain(excluded);
      }
    });

    it('refuses to fill a session that has started, and answers 400 for a bad selector', async () => {
      const past = await world.session(geo.districtId, 1);
      await world.started(past.id);
      expect((await api.post(`/api/v1/briefings/${past.id}/fill`, { selector: {} })).status).toBe(409);
      const bad = await api.post(`/api/v1/briefings/${past.id}/fill`, { selector: { phase: 'lunch' } });
      expect(bad.status).toBe(400);
    });
  });

  it('never seats more than capacity when 30 fills race for the same session', async () => {
    const geo = await createGeography(api, 'BRF2');
    const people = await Promise.all(Array.from({ length: 12 }, () => world.person(geo)));
    const duties = await Promise.all(people.map((person, n) => world.duty(person, geo.postId, 72 + n)));
    await world.projected(people, duties);
    const capacity = 5;
    const session = await world.session(geo.districtId, 24, { venue: { name: 'Hall', address: 'Road', capacity } });

    const fills = await Promise.all(
      Array.from({ length: 30 }, () => api.post(`/api/v1/briefings/${session.id}/fill`, { selector: {} })),
    );
    expect(fills.map((f) => f.status)).toEqual(Array.from({ length: 30 }, () => 200));
    const invited = fills.flatMap((f) => f.body.invited.map((p: { personnelId: string }) => p.personnelId));
    expect(invited).toHaveLength(capacity);
    expect(new Set(invited)).toEqual(new Set(people.slice(0, capacity)));
    expect((await api.get(`/api/v1/briefings/${session.id}`)).body.seatsTaken).toBe(capacity);
    const { rows } = await db.query(
      `select count(*)::int as seated from briefings.invitation where session_id = $1 and status in ('invited', 'confirmed')`,
      [session.id],
    );
    expect(rows[0].seated).toBe(capacity);
  });

  describe('manual invitations', () => {
    let geo: Geography;
    let people: string[];

    beforeAll(async () => {
      geo = await createGeography(api, 'BRF3');
      people = await Promise.all(Array.from({ length: 3 }, () => world.person(geo)));
      await world.projected(people, []);
    });

    it('is all or nothing against the seats left, and a decline frees a seat', async () => {
      const session = await world.session(geo.districtId, 24, {
        venue: { name: 'Hall', address: 'Road', capacity: 2 },
      });
      const path = `/api/v1/briefings/${session.id}/invitations`;
      const tooMany = await api.post(path, { personnelIds: people });
      expect(tooMany.status).toBe(409);
      expect(tooMany.body).toMatchObject({
        code: 'BRIEFING.FULL',
        details: { capacity: 2, seatsTaken: 0, requested: 3 },
      });
      expect(tooMany.body.message).toContain('2 of 2 seats left');
      expect((await api.get(path)).body.items).toEqual([]);

      const two = await api.post(path, { personnelIds: people.slice(0, 2) });
      expect(two.status).toBe(201);
      expect(two.body.map((i: { status: string }) => i.status)).toEqual(['invited', 'invited']);
      expect((await api.post(path, { personnelIds: [people[2]] })).status).toBe(409);
      // Inviting someone already seated takes no second seat.
      expect((await api.post(path, { personnelIds: [people[0]] })).status).toBe(201);

      const invitationOf = (person: string) =>
        two.body.find((i: { personnelId: string }) => i.personnelId === person).id;
      const declined = await api.patch(`${path}/${invitationOf(people[1])}`, {
        status: 'declined',
        reason: 'On leave',
      });
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({ status: 'declined', statusReason: 'On leave' });
      expect((await api.get(`/api/v1/briefings/${session.id}`)).body.seatsTaken).toBe(1);
      expect((await api.post(path, { personnelIds: [people[2]] })).status).toBe(201);
      // The one who declined can be invited again once a seat is free, not before.
      expect((await api.post(path, { personnelIds: [people[1]] })).status).toBe(409);
      expect((await api.patch(`${path}/${invitationOf(people[1])}`, { status: 'confirmed' })).status).toBe(409);
      const confirmed = await api.patch(`${path}/${invitationOf(people[0])}`, { status: 'confirmed' });
      expect(confirmed.body.status).toBe('confirmed');

      const cancelledEvents = await eventually(async () => {
        const events = (await streamEvents<any>(nc, BriefingsEvents.invitationCancelled)).filter(
          (e) => e.aggregateId === session.id,
        );
        expect(events).toHaveLength(1);
        return events;
      });
      expect(cancelledEvents[0].payload).toMatchObject({ personnelId: people[1], reason: 'declined' });
    });

    it('names the people briefings does not know (422) and writes nothing', async () => {
      const session = await world.session(geo.districtId, 24);
      const stranger = '0190b0c0-0000-7000-8000-0000000000ff';
      const response = await api.post(`/api/v1/briefings/${session.id}/invitations`, {
        personnelIds: [people[0], stranger],
      });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([{ field: 'personnelIds[1]', message: `no personnel with id ${stranger}` }]);
      expect((await api.get(`/api/v1/briefings/${session.id}`)).body.seatsTaken).toBe(0);
    });
  });

  describe('reschedule and cancel', () => {
    let geo: Geography;
    let people: string[];

    beforeAll(async () => {
      geo = await createGeography(api, 'BRF4');
      people = await Promise.all(Array.from({ length: 3 }, () => world.person(geo)));
      await world.projected(people, []);
    });

    it('moves an upcoming session, keeps its seats, and refuses a slot or venue that does not fit', async () => {
      const session = await world.session(geo.districtId, 24);
      await api.post(`/api/v1/briefings/${session.id}/invitations`, { personnelIds: people });
      const path = `/api/v1/briefings/${session.id}/reschedule`;
      const backwards = await api.post(path, { startsAt: hoursFromNow(30), endsAt: hoursFromNow(29), reason: 'Hall' });
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors).toEqual([{ field: 'endsAt', message: 'endsAt must be after startsAt' }]);
      const small = await api.post(path, {
        startsAt: hoursFromNow(30),
        endsAt: hoursFromNow(32),
        venue: { name: 'Small room', address: 'Thana', capacity: 2 },
        reason: 'Hall needed for ballots',
      });
      expect(small.status).toBe(409);
      expect(small.body).toMatchObject({ code: 'BRIEFING.FULL', details: { capacity: 2, seatsTaken: 3 } });
      expect(small.body.message).toContain('venue.capacity 2 is below the 3 seats already taken');
      expect((await api.post(path, { startsAt: hoursFromNow(30), endsAt: hoursFromNow(32) })).status).toBe(400);

      const moved = await api.post(path, {
        startsAt: hoursFromNow(30),
        endsAt: hoursFromNow(32),
        venue: { name: 'Town hall', address: 'Main Bazaar', capacity: 3 },
        reason: 'Hall needed for ballots',
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        status: 'scheduled',
        sequence: 1,
        seatsTaken: 3,
        statusReason: 'Hall needed for ballots',
        venue: { name: 'Town hall', capacity: 3 },
      });
      const [event] = await eventually(async () => {
        const events = (await streamEvents<any>(nc, BriefingsEvents.sessionRescheduled)).filter(
          (e) => e.aggregateId === session.id,
        );
        expect(events).toHaveLength(1);
        return events;
      });
      expect(event.payload.previous.venueName).toBe('Police Lines Hall');
      expect([...event.payload.personnelIds].sort()).toEqual([...people].sort());
      expect(event.payload.session).toMatchObject({ sequence: 1, venueName: 'Town hall' });
    });

    it('cancels with every seat in one event, and a cancelled session cannot change again', async () => {
      const session = await world.session(geo.districtId, 26);
      await api.post(`/api/v1/briefings/${session.id}/invitations`, { personnelIds: people.slice(0, 2) });
      const cancelled = await api.post(`/api/v1/briefings/${session.id}/cancel`, { reason: 'Presenter on leave' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 1, seatsTaken: 0 });
      const invitations = await api.get(`/api/v1/briefings/${session.id}/invitations?includeCancelled=true`);
      expect(invitations.body.items.map((i: { status: string }) => i.status)).toEqual(['cancelled', 'cancelled']);
      expect((await api.post(`/api/v1/briefings/${session.id}/cancel`, { reason: 'again' })).status).toBe(409);
      expect((await api.post(`/api/v1/briefings/${session.id}/fill`, { selector: {} })).status).toBe(409);
      const events = await eventually(async () => {
        const found = await streamEvents<any>(nc, 'evt.briefings.>');
        const mine = found.filter((e) => e.aggregateId === session.id);
        expect(mine.map((e) => e.type)).toContain(BriefingsEvents.sessionCancelled);
        return mine;
      });
      // No per-invitation cancel events: the session's event names everyone.
      expect(events.filter((e) => e.type === BriefingsEvents.invitationCancelled)).toEqual([]);
      const event = events.find((e) => e.type === BriefingsEvents.sessionCancelled)!;
      expect([...event.payload.personnelIds].sort()).toEqual(people.slice(0, 2).sort());
      expect(event.payload).toMatchObject({ reason: 'Presenter on leave', session: { status: 'cancelled' } });
    });
  });
  describe('attendance', () => {
    let geo: Geography;
    let present: string;
    let absent: string;
    let excused: string;

    beforeAll(async () => {
      geo = await createGeography(api, 'BRF5');
      [present, absent, excused] = await Promise.all([world.person(geo), world.person(geo), world.person(geo)]);
      const duties = [await world.duty(present, geo.postId, 72), await world.duty(absent, geo.postId, 80)];
      await world.projected([present, absent, excused], duties);
    });

    it('records a roll call with acknowledgements once the session has started', async () => {
      const held = await world.session(geo.districtId, 1);
      await world.started(held.id, 2);
      const path = `/api/v1/briefings/${held.id}/attendance`;
      const signedAt = new Date(Date.now() - 90 * 60_000).toISOString();
      const badAck = await api.post(path, {
        entries: [{ personnelId: absent, status: 'absent', codeOfConductAcknowledged: true }],
      });
      expect(badAck.status).toBe(400);
      expect(badAck.body.errors[0].field).toBe('entries[0].codeOfConductAcknowledged');

      const rollCall = await api.post(path, {
        entries: [
          { personnelId: present, status: 'present', codeOfConductAcknowledged: true, acknowledgedAt: signedAt },
          { personnelId: absent, status: 'absent' },
          { personnelId: excused, status: 'excused' },
        ],
      });
      expect(rollCall.status).toBe(201);
      expect(rollCall.body.entries).toHaveLength(3);
      // The roll call does not close the session: the officer completes it.
      expect((await api.get(`/api/v1/briefings/${held.id}`)).body.status).toBe('scheduled');
      const list = await api.get(path);
      const signed = list.body.items.find((a: { personnelId: string }) => a.personnelId === present);
      expect(signed.status).toBe('present');
      // The API answers in local time: the same instant, written with the deployment's offset.
      expect(Date.parse(signed.codeOfConductAcknowledgedAt)).toBe(Date.parse(signedAt));

      const topics = await api.get(`/api/v1/briefings/attended-topics?personnelId=${present}`);
      expect(topics.status).toBe(200);
      expect(topics.body).toMatchObject({
        personnelId: present,
        topics: ['code_of_conduct', 'security_protocol'],
        missingRequiredTopics: [],
        sessions: [{ sessionId: held.id, topics: ['code_of_conduct', 'security_protocol'] }],
      });
      expect(Date.parse(topics.body.codeOfConductAcknowledgedAt)).toBe(Date.parse(signedAt));
      const missing = await api.get(`/api/v1/briefings/attended-topics?personnelId=${absent}`);
      expect(missing.body).toMatchObject({
        topics: [],
        missingRequiredTopics: ['code_of_conduct', 'security_protocol'],
      });

      // Briefed people are not invited again; the absent one is.
      const next = await world.session(geo.districtId, 24);
      const fill = await api.post(`/api/v1/briefings/${next.id}/fill`, { selector: {} });
      expect(fill.body.invited.map((p: { personnelId: string }) => p.personnelId)).toEqual([absent]);

      const [event] = await eventually(async () => {
        const events = (await streamEvents<any>(nc, BriefingsEvents.attendanceRecorded)).filter(
          (e) => e.aggregateId === held.id,
        );
        expect(events).toHaveLength(1);
        return events;
      });
      expect(event.payload.entries).toHaveLength(3);
      expect(event.payload.topics).toEqual(['code_of_conduct', 'security_protocol']);
    });

    it('refuses a roll call before the start, for a cancelled session, or for strangers', async () => {
      const upcoming = await world.session(geo.districtId, 30);
      const entries = [{ personnelId: present, status: 'present' }];
      expect((await api.post(`/api/v1/briefings/${upcoming.id}/attendance`, { entries })).status).toBe(409);
      await api.post(`/api/v1/briefings/${upcoming.id}/cancel`, { reason: 'Merged' });
      expect((await api.post(`/api/v1/briefings/${upcoming.id}/attendance`, { entries })).status).toBe(409);
      const held = await world.session(geo.districtId, 1);
      await world.started(held.id, 3);
      const stranger = '0190b0c0-0000-7000-8000-0000000000ee';
      const unknown = await api.post(`/api/v1/briefings/${held.id}/attendance`, {
        entries: [{ personnelId: stranger, status: 'present' }],
      });
      expect(unknown.status).toBe(422);
      expect(unknown.body.message).toContain(stranger);
    });
  });

  it('gives back the seat of a person whose only qualifying duty is cancelled or moved before the briefing', async () => {
    const geo = await createGeography(api, 'BRF6');
    const [single, double, moved] = await Promise.all([world.person(geo), world.person(geo), world.person(geo)]);
    const onlyDuty = await world.duty(single, geo.postId, 72);
    const firstOfTwo = await world.duty(double, geo.postId, 72);
    const secondOfTwo = await world.duty(double, geo.postId, 96);
    const movedDuty = await world.duty(moved, geo.postId, 72);
    await world.projected([single, double, moved], [onlyDuty, firstOfTwo, secondOfTwo, movedDuty]);
    const session = await world.session(geo.districtId, 24);
    const fill = await api.post(`/api/v1/briefings/${session.id}/fill`, { selector: {} });
    expect(fill.body.invited).toHaveLength(3);

    await api.post(`/api/v1/assignments/${onlyDuty}/cancel`, { reason: 'Transferred' });
    await api.post(`/api/v1/assignments/${firstOfTwo}/cancel`, { reason: 'Merged posts' });
    // Now the duty starts before the briefing ends: the briefing no longer prepares them for it.
    const patched = await api.patch(`/api/v1/assignments/${movedDuty}`, {
      startsAt: hoursFromNow(12),
      endsAt: hoursFromNow(18),
    });
    expect(patched.status).toBe(200);
    const invitations = await eventually(
      async () => {
        const response = await api.get(`/api/v1/briefings/${session.id}/invitations?includeCancelled=true`);
        const statusOf = (person: string) =>
          response.body.items.find((i: { personnelId: string }) => i.personnelId === person);
        expect(statusOf(single)).toMatchObject({ status: 'cancelled', statusReason: 'duty_cancelled' });
        expect(statusOf(moved)).toMatchObject({ status: 'cancelled', statusReason: 'duty_cancelled' });
        return response.body.items;
      },
      { timeoutMs: 20_000 },
    );
    await eventually(async () => {
      const { rows } = await db.query('select status from briefings.duty where id = $1', [firstOfTwo]);
      expect(rows[0].status).toBe('cancelled');
    });
    expect(invitations.find((i: { personnelId: string }) => i.personnelId === double).status).toBe('invited');
    expect((await api.get(`/api/v1/briefings/${session.id}`)).body.seatsTaken).toBe(1);
    const events = await eventually(async () => {
      const found = (await streamEvents<any>(nc, BriefingsEvents.invitationCancelled)).filter(
        (e) => e.aggregateId === session.id,
      );
      expect(found).toHaveLength(2);
      return found;
    });
    expect(new Set(events.map((e) => e.payload.personnelId))).toEqual(new Set([single, moved]));
    expect(events[0].payload).toMatchObject({ reason: 'duty_cancelled', status: 'cancelled' });
  });

  it('gives back the seats of people whose duty would start before a rescheduled briefing ends', async () => {
    const geo = await createGeography(api, 'BRF11');
    const [early, late, manual] = await Promise.all([world.person(geo), world.person(geo), world.person(geo)]);
    const earlyDuty = await world.duty(early, geo.postId, 48);
    const lateDuty = await world.duty(late, geo.postId, 96);
    await world.projected([early, late, manual], [earlyDuty, lateDuty]);
    const session = await world.session(geo.districtId, 24);
    expect((await api.post(`/api/v1/briefings/${session.id}/fill`, { selector: {} })).body.invited).toHaveLength(2);
    // Invited by hand without a duty: no duty to outrun, so the seat stays.
    expect((await api.post(`/api/v1/briefings/${session.id}/invitations`, { personnelIds: [manual] })).status).toBe(
      201,
    );

    const moved = await api.post(`/api/v1/briefings/${session.id}/reschedule`, {
      startsAt: hoursFromNow(60),
      endsAt: hoursFromNow(62),
      reason: 'Presenter delayed',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.seatsTaken).toBe(2);
    const invitations = await api.get(`/api/v1/briefings/${session.id}/invitations?includeCancelled=true`);
    const statusOf = (person: string) =>
      invitations.body.items.find((i: { personnelId: string }) => i.personnelId === person);
    expect(statusOf(early)).toMatchObject({ status: 'cancelled', statusReason: 'rescheduled_after_duty' });
    expect(statusOf(late).status).toBe('invited');
    expect(statusOf(manual).status).toBe('invited');

    const cancelled = await eventually(async () => {
      const found = (await streamEvents<any>(nc, BriefingsEvents.invitationCancelled)).filter(
        (e) => e.aggregateId === session.id,
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect(cancelled[0].payload).toMatchObject({ personnelId: early, reason: 'rescheduled_after_duty' });
    const rescheduled = await eventually(async () => {
      const found = (await streamEvents<any>(nc, BriefingsEvents.sessionRescheduled)).filter(
        (e) => e.aggregateId === session.id,
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect([...rescheduled[0].payload.personnelIds].sort()).toEqual([late, manual].sort());
  });

  it('holds capacity in the database when manual invitations race each other', async () => {
    const geo = await createGeography(api, 'BRF9');
    const people = await Promise.all(Array.from({ length: 10 }, () => world.person(geo)));
    await world.projected(people, []);
    const session = await world.session(geo.districtId, 24, { venue: { name: 'Hall', address: 'Road', capacity: 3 } });
    const answers = await Promise.all(
      people.map((person) => api.post(`/api/v1/briefings/${session.id}/invitations`, { personnelIds: [person] })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(7);
    expect((await api.get(`/api/v1/briefings/${session.id}`)).body.seatsTaken).toBe(3);
  });

  it('lists sessions by district, status and time, a page at a time', async () => {
    const geo = await createGeography(api, 'BRF10');
    const first = await world.session(geo.districtId, 200);
    const second = await world.session(geo.districtId, 300);
    await api.post(`/api/v1/briefings/${second.id}/cancel`, { reason: 'Merged' });
    const all = await api.get(`/api/v1/briefings?districtId=${geo.districtId}&limit=1&includeCancelled=true`);
    expect(all.body.items.map((s: { id: string }) => s.id)).toEqual([first.id]);
    const next = await api.get(
      `/api/v1/briefings?districtId=${geo.districtId}&limit=1&includeCancelled=true&cursor=${all.body.nextCursor}`,
    );
    expect(next.body).toMatchObject({ items: [expect.objectContaining({ id: second.id })], nextCursor: null });
    const cancelled = await api.get(`/api/v1/briefings?districtId=${geo.districtId}&status=cancelled`);
    expect(cancelled.body.items.map((s: { id: string }) => s.id)).toEqual([second.id]);
    const early = await api.get(
      `/api/v1/briefings?districtId=${geo.districtId}&to=${encodeURIComponent(hoursFromNow(250))}`,
    );
    expect(early.body.items.map((s: { id: string }) => s.id)).toEqual([first.id]);
  });

  it("keeps a district officer to their own district's briefings", async () => {
    const mine = await createGeography(api, 'BRF7');
    const theirs = await createGeography(api, 'BRF8');
    const password = 'a-long-enough-password';
    const user = await api.post('/api/v1/users', {
      username: 'briefer.brf7',
      password,
      role: 'briefing_officer',
      districtIds: [mine.districtId],
    });
    expect(user.status).toBe(201);
    const officer = await rasad.anonymous.login('briefer.brf7', password);
    const viewer = await api.post('/api/v1/users', {
      username: 'viewer.brf7',
      password,
      role: 'viewer',
      districtIds: [mine.districtId],
    });
    expect(viewer.status).toBe(201);
    const reader = await rasad.anonymous.login('viewer.brf7', password);

    const own = await world.session(mine.districtId, 24);
    const other = await world.session(theirs.districtId, 24);
    expect((await officer.get(`/api/v1/briefings/${own.id}`)).status).toBe(200);
    expect((await officer.get(`/api/v1/briefings/${other.id}`)).status).toBe(404);
    expect((await officer.post(`/api/v1/briefings/${other.id}/fill`, { selector: {} })).status).toBe(404);
    const listed = await officer.get('/api/v1/briefings');
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([own.id]);
    const body = (await api.get(`/api/v1/briefings/${own.id}`)).body;
    const create = {
      title: body.title,
      topics: body.topics,
      venue: body.venue,
      startsAt: hoursFromNow(24),
      endsAt: hoursFromNow(26),
      presenter: body.presenter,
    };
    expect((await officer.post('/api/v1/briefings', { ...create, districtId: mine.districtId })).status).toBe(201);
    const outside = await officer.post('/api/v1/briefings', { ...create, districtId: theirs.districtId });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0].field).toBe('districtId');
    // A viewer reads but does not plan.
    expect((await reader.get(`/api/v1/briefings/${own.id}`)).status).toBe(200);
    expect((await reader.post(`/api/v1/briefings/${own.id}/cancel`, { reason: 'no' })).status).toBe(403);
  });

  it('has put nothing in dead letters', async () => {
    const letters = await api.get('/api/v1/dead-letters');
    expect(letters.status).toBe(200);
    expect(letters.body.items).toEqual([]);
  });
});
