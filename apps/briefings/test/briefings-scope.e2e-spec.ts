import { Geography, TestApi, createGeography } from '@rasad/testing';
import { Client } from 'pg';
import { BriefingsSuite, BriefingsWorld, hoursFromNow, startBriefingsSuite } from './briefings-fixtures';

const STRANGER = '0190b0c0-0000-7000-8000-0000000000aa';

/**
 * Officers of district B acting, through the API, on Haripur's people and records. A person serves in B for
 * briefings when B is their home district or a live duty posts them there; anyone else, and any record of
 * Haripur, must look to them exactly like something that does not exist, and nothing may change.
 */
describe('briefings scope: an officer of another district', () => {
  let api: TestApi;
  let db: Client;
  let world: BriefingsWorld;
  let haripur: Geography;
  let other: Geography;
  let officer: TestApi;
  let haripurPerson: string;
  let visitor: string;
  let formerVisitor: string;

  let suite: BriefingsSuite;

  beforeAll(async () => {
    suite = await startBriefingsSuite('briefings_scope');
    ({ api, db, world } = suite);
    haripur = await createGeography(api, 'SCPH');
    other = await createGeography(api, 'SCPB');
    haripurPerson = await world.person(haripur);
    visitor = await world.person(haripur);
    formerVisitor = await world.person(haripur);
    const duties = [
      await world.duty(haripurPerson, haripur.postId, 72),
      await world.duty(visitor, other.postId, 72),
      await world.duty(formerVisitor, other.postId, 80),
    ];
    expect((await api.post(`/api/v1/assignments/${duties[2]}/cancel`, { reason: 'Transferred' })).status).toBe(200);
    await world.projected([haripurPerson, visitor, formerVisitor], duties, [haripur.postId, other.postId]);
    await world.eventuallyCancelled(duties[2]);
    officer = await world.user('briefer.scpb', 'briefing_officer', [other.districtId]);
  });

  afterAll(() => suite?.stop());

  async function seatsOf(personnelId: string): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      'select count(*)::int as n from briefings.invitation where personnel_id = $1',
      [personnelId],
    );
    return rows[0].n;
  }

  it('cannot invite a Haripur person to its own session: answered as for someone who does not exist', async () => {
    const session = await world.session(other.districtId, 24);
    const path = `/api/v1/briefings/${session.id}/invitations`;
    for (const person of [haripurPerson, formerVisitor]) {
      const refused = await officer.post(path, { personnelIds: [person] });
      const stranger = await officer.post(path, { personnelIds: [STRANGER] });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ field: 'personnelIds[0]', message: `no personnel with id ${person}` }]);
      expect({ ...refused.body, errors: undefined, message: undefined, requestId: undefined }).toEqual({
        ...stranger.body,
        errors: undefined,
        message: undefined,
        requestId: undefined,
      });
      expect(await seatsOf(person)).toBe(0);
    }
    // Not even an admin seats someone in a session of a district they do not serve in.
    expect((await api.post(path, { personnelIds: [haripurPerson] })).status).toBe(422);
    // Someone from Haripur whom a live duty posts to B serves in B.
    expect((await officer.post(path, { personnelIds: [visitor] })).status).toBe(201);
    expect((await officer.get(`/api/v1/briefings/${session.id}`)).body.seatsTaken).toBe(1);
  });

  it('cannot issue or revoke the calendar link of a Haripur person, even one holding a seat in B', async () => {
    const link = await api.post('/api/v1/calendar-links', { personnelId: haripurPerson });
    expect(link.status).toBe(201);
    // As an invitation made before scope was checked would have left it.
    const session = await world.session(other.districtId, 30);
    await db.query(
      `insert into briefings.invitation (id, session_id, personnel_id, status) values (gen_random_uuid(), $1, $2, 'invited')`,
      [session.id, haripurPerson],
    );

    const issue = await officer.post('/api/v1/calendar-links', { personnelId: haripurPerson });
    const issueStranger = await officer.post('/api/v1/calendar-links', { personnelId: STRANGER });
    expect(issue.status).toBe(422);
    expect(issue.body.errors).toEqual([{ field: 'personnelId', message: `no personnel with id ${haripurPerson}` }]);
    expect(issue.body.code).toBe(issueStranger.body.code);
    const revoke = await officer.request('DELETE', `/api/v1/calendar-links/${haripurPerson}`);
    expect(revoke.status).toBe(404);
    expect((await officer.request('DELETE', `/api/v1/calendar-links/${STRANGER}`)).status).toBe(404);
    // Their own link still opens their feed.
    expect((await suite.rasad.anonymous.get(link.body.path)).status).toBe(200);

    expect((await officer.post('/api/v1/calendar-links', { personnelId: visitor })).status).toBe(201);
  });

  it("cannot read a Haripur person's attended topics: 404 as for someone who does not exist", async () => {
    const read = await officer.get(`/api/v1/briefings/attended-topics?personnelId=${haripurPerson}`);
    const stranger = await officer.get(`/api/v1/briefings/attended-topics?personnelId=${STRANGER}`);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe(stranger.body.code);
    expect(read.body.message).toBe(`personnel ${haripurPerson} not found`);
    expect((await officer.get(`/api/v1/briefings/attended-topics?personnelId=${visitor}`)).status).toBe(200);
    expect((await api.get(`/api/v1/briefings/attended-topics?personnelId=${haripurPerson}`)).status).toBe(200);
  });

  it('cannot mark a Haripur person in a roll call, and the whole roll call is refused', async () => {
    const session = await world.session(other.districtId, 36);
    await world.started(session.id);
    const rollCall = await officer.post(`/api/v1/briefings/${session.id}/attendance`, {
      entries: [
        { personnelId: visitor, status: 'present' },
        { personnelId: haripurPerson, status: 'present', codeOfConductAcknowledged: true },
      ],
    });
    expect(rollCall.status).toBe(422);
    expect(rollCall.body.errors).toEqual([
      { field: 'entries[1].personnelId', message: `no personnel with id ${haripurPerson}` },
    ]);
    const { rows } = await db.query('select * from briefings.attendance where session_id = $1', [session.id]);
    expect(rows).toEqual([]);
  });

  it('cannot reach a Haripur person through the fill selector', async () => {
    const local = await world.person(other);
    const localDuty = await world.duty(local, other.postId, 90);
    await world.projected([local], [localDuty]);
    const session = await world.session(other.districtId, 40);
    const fill = await officer.post(`/api/v1/briefings/${session.id}/fill`, {
      selector: { personnelIds: [haripurPerson, local] },
    });
    expect(fill.status).toBe(200);
    expect(fill.body.invited.map((p: { personnelId: string }) => p.personnelId)).toEqual([local]);
    expect(fill.body.leftOverTotal).toBe(0);
    const { rows } = await db.query('select 1 from briefings.invitation where session_id = $1 and personnel_id = $2', [
      session.id,
      haripurPerson,
    ]);
    expect(rows).toEqual([]);
  });

  describe("Haripur's briefings by id", () => {
    let upcoming: string;
    let held: string;
    let invitationId: string;
    let ownSession: string;

    const snapshot = async () =>
      (
        await db.query(
          `select (select json_agg(s order by s.id) from briefings.session s where s.id = any($1)) as sessions,
             (select json_agg(i order by i.id) from briefings.invitation i where i.session_id = any($1)) as invitations,
             (select json_agg(a order by a.session_id, a.personnel_id) from briefings.attendance a
              where a.session_id = any($1)) as attendance,
             (select count(*)::int from briefings.outbox o where o.aggregate_id = any($2)) as events`,
          [
            [upcoming, held],
            [upcoming, held],
          ],
        )
      ).rows[0];

    /** Every route that takes a briefing's id, with a body a caller of the right district would succeed with. */
    const routes = (local: string): [string, (as: TestApi, id: string) => Promise<{ status: number }>][] => [
      ['read', (as, id) => as.get(`/api/v1/briefings/${id}`)],
      [
        'reschedule',
        (as, id) =>
          as.post(`/api/v1/briefings/${id}/reschedule`, {
            startsAt: hoursFromNow(50),
            endsAt: hoursFromNow(52),
            reason: 'Moved',
          }),
      ],
      ['cancel', (as, id) => as.post(`/api/v1/briefings/${id}/cancel`, { reason: 'Cancelled' })],
      ['complete', (as, id) => as.post(`/api/v1/briefings/${id}/complete`)],
      ['fill', (as, id) => as.post(`/api/v1/briefings/${id}/fill`, { selector: {} })],
      ['list invitations', (as, id) => as.get(`/api/v1/briefings/${id}/invitations`)],
      ['invite', (as, id) => as.post(`/api/v1/briefings/${id}/invitations`, { personnelIds: [local] })],
      [
        'answer an invitation',
        (as, id) => as.patch(`/api/v1/briefings/${id}/invitations/${invitationId}`, { status: 'declined' }),
      ],
      ['list attendance', (as, id) => as.get(`/api/v1/briefings/${id}/attendance`)],
      [
        'record attendance',
        (as, id) =>
          as.post(`/api/v1/briefings/${id}/attendance`, { entries: [{ personnelId: local, status: 'present' }] }),
      ],
    ];

    beforeAll(async () => {
      upcoming = (await world.session(haripur.districtId, 20)).id;
      const invited = await api.post(`/api/v1/briefings/${upcoming}/invitations`, { personnelIds: [haripurPerson] });
      expect(invited.status).toBe(201);
      invitationId = invited.body[0].id;
      held = (await world.session(haripur.districtId, 22)).id;
      await world.started(held);
      expect(
        (
          await api.post(`/api/v1/briefings/${held}/attendance`, {
            entries: [{ personnelId: haripurPerson, status: 'present' }],
          })
        ).status,
      ).toBe(201);
      ownSession = (await world.session(other.districtId, 26)).id;
    });

    for (const role of ['briefing_officer', 'logistics_officer', 'viewer']) {
      it(`answers a ${role} of B as for a briefing that does not exist, and changes nothing`, async () => {
        const caller =
          role === 'briefing_officer' ? officer : await world.user(`${role}.scpb`, role, [other.districtId]);
        const local = await world.person(other);
        await world.projected([local], []);
        const before = await snapshot();
        const answers: Record<string, number[]> = {};
        for (const [name, call] of routes(local)) {
          const missing = (await call(caller, STRANGER)).status;
          answers[name] = [(await call(caller, upcoming)).status, (await call(caller, held)).status, missing];
        }
        const writes = [
          'reschedule',
          'cancel',
          'complete',
          'fill',
          'invite',
          'answer an invitation',
          'record attendance',
        ];
        const expected = Object.fromEntries(
          routes(local).map(([name]) => {
            const status = role === 'viewer' && writes.includes(name) ? 403 : 404;
            return [name, [status, status, status]];
          }),
        );
        expect(answers).toEqual(expected);
        expect(await snapshot()).toEqual(before);
      });
    }

    it('answers 404 for a Haripur invitation reached through a session of B', async () => {
      const before = await snapshot();
      const answer = await officer.patch(`/api/v1/briefings/${ownSession}/invitations/${invitationId}`, {
        status: 'declined',
      });
      expect(answer.status).toBe(404);
      expect(await snapshot()).toEqual(before);
    });
  });
});
