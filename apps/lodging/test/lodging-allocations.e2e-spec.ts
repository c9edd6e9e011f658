import { Geography, TestApi, createGeography } from '@rasad/testing';
import { RunningRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { LodgingWorld, SiteShape, startLodging } from './lodging-fixtures';

const STRANGER = '0190b0c0-0000-7000-8000-0000000000aa';
// A duty of the evening of 7 February to the morning after needs the night of the 7th (22:00 to 05:00).
const EVENING = { startsAt: '2027-02-07T18:00:00+05:00', endsAt: '2027-02-08T02:00:00+05:00' };

/**
 * Allocations through the API: one person a bed a night and one bed a person a night, held by PostgreSQL under
 * concurrent requests; the room's gender; bad input; another district's officer; check-in, check-out, occupancy.
 */
describe('lodging allocations', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let world: LodgingWorld;
  let haripur: Geography;
  let abbottabad: Geography;
  let site: SiteShape;
  let men: SiteShape['rooms'][number];
  let women: SiteShape['rooms'][number];

  /** Someone from Abbottabad (so needing a bed) posted in Haripur with this duty, once lodging has heard of it. */
  async function visitor(window = EVENING, overrides: Record<string, unknown> = {}): Promise<string> {
    const person = await world.person({ unitId: abbottabad.unitId, districtId: abbottabad.districtId }, overrides);
    await world.projected([await world.duty(person, haripur.postId, window.startsAt, window.endsAt)]);
    return person;
  }

  const allocate = (personnelId: string, bedId: string, firstNight = '2027-02-07', lastNight = firstNight) =>
    api.post('/api/v1/lodging/allocations', { personnelId, bedId, firstNight, lastNight });

  beforeAll(async () => {
    rasad = await startLodging('lodging_allocations');
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    world = new LodgingWorld(api, db);
    haripur = await createGeography(api, 'LAH');
    abbottabad = await createGeography(api, 'LAA');
    const created = await world.site(haripur, { name: 'Police Lines Haripur', kind: 'police_lines' });
    men = await world.room(created.id, 'male', ['M1', 'M2', 'M3'], 'Barrack A');
    women = await world.room(created.id, 'female', ['W1', 'W2'], 'Women barrack');
    site = { ...created, rooms: [men, women] };
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('gives one of 50 concurrent requests for the last bed, and each other a 409 naming the allocation', async () => {
    const bed = await world.room(site.id, 'male', ['L1'], 'Last room');
    const people: string[] = [];
    for (let i = 0; i < 50; i++) {
      people.push(await world.person({ unitId: abbottabad.unitId, districtId: abbottabad.districtId }));
    }
    const duties = [];
    for (const person of people) {
      duties.push(await world.duty(person, haripur.postId, EVENING.startsAt, EVENING.endsAt));
    }
    await world.projected(duties);

    const answers = await Promise.all(people.map((person) => allocate(person, bed.beds[0].id)));
    const won = answers.filter((answer) => answer.status === 201);
    expect(won).toHaveLength(1);
    const lost = answers.filter((answer) => answer.status !== 201);
    expect(new Set(lost.map((answer) => answer.status))).toEqual(new Set([409]));
    for (const answer of lost) {
      expect(answer.body).toMatchObject({
        code: 'ALLOCATION.BED_TAKEN',
        message: `bed ${bed.beds[0].id} is already held by allocation ${won[0].body.id} at Police Lines Haripur on the night of 2027-02-07`,
        errors: [{ field: 'bedId' }],
        details: { clashingAllocationId: won[0].body.id, night: '2027-02-07' },
      });
    }
    const { rows } = await db.query(`select count(*)::int as held from lodging.bed_night where bed_id = $1`, [
      bed.beds[0].id,
    ]);
    expect(rows[0].held).toBe(1);
  });

  it('gives a person one bed a night however many beds are asked for at once', async () => {
    const person = await visitor();
    const beds = await world.room(site.id, 'male', ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'], 'Dormitory');
    const answers = await Promise.all(beds.beds.map((bed) => allocate(person, bed.id)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    const lost = answers.filter((answer) => answer.status !== 201);
    expect(lost).toHaveLength(7);
    for (const answer of lost) {
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('ALLOCATION.PERSON_HOUSED');
      expect(answer.body.errors[0].field).toBe('personnelId');
      expect(answer.body.message).toContain('on the night of 2027-02-07');
    }
  });

  it('keeps men out of rooms for women and women out of rooms for men, naming the room', async () => {
    const man = await visitor();
    const woman = await visitor(EVENING, { gender: 'female' });
    const before = await world.counts();
    const intoWomen = await allocate(man, women.beds[0].id);
    expect(intoWomen.status).toBe(409);
    expect(intoWomen.body).toMatchObject({
      code: 'ALLOCATION.ROOM_GENDER',
      message: `room ${women.id} (Women barrack) is for women; personnel ${man} is male`,
      errors: [{ field: 'bedId' }],
    });
    const intoMen = await allocate(woman, men.beds[2].id);
    expect(intoMen.status).toBe(409);
    expect(intoMen.body.message).toBe(`room ${men.id} (Barrack A) is for men; personnel ${woman} is female`);

    const unsuitable = await world.site(haripur, { suitableForWomen: false });
    const anyone = await world.room(unsuitable.id, 'any', ['A1']);
    const intoUnsuitable = await allocate(woman, anyone.beds[0].id);
    expect(intoUnsuitable.status).toBe(409);
    expect(intoUnsuitable.body.message).toContain('is not suitable for women');
    expect((await world.counts()).allocations).toBe(before.allocations);

    const right = await allocate(woman, women.beds[1].id);
    expect(right.status).toBe(201);
    expect(right.body).toMatchObject({
      personnelId: woman,
      districtId: haripur.districtId,
      place: {
        siteName: 'Police Lines Haripur',
        roomName: 'Women barrack',
        bedLabel: 'W2',
        address: expect.any(String),
      },
      firstNight: '2027-02-07',
      lastNight: '2027-02-07',
      source: 'manual',
      nights: [{ night: '2027-02-07', status: 'held', releaseReason: null, surplus: false }],
    });
  });

  it('refuses bad input with a 400 or 422 naming the field, and changes nothing', async () => {
    const person = await visitor();
    const bed = men.beds[0].id;
    const before = await world.counts();
    const cases: [object, number, string][] = [
      [{ personnelId: person, bedId: bed, firstNight: '2027-02-08', lastNight: '2027-02-07' }, 400, 'lastNight'],
      [{ personnelId: person, bedId: STRANGER, firstNight: '2027-02-07', lastNight: '2027-02-07' }, 422, 'bedId'],
      [{ personnelId: STRANGER, bedId: bed, firstNight: '2027-02-07', lastNight: '2027-02-07' }, 422, 'personnelId'],
      [{ personnelId: person, bedId: bed, firstNight: '2027-02-07', lastNight: '2027-02-08' }, 400, 'lastNight'],
      [{ personnelId: person, bedId: bed, firstNight: '2027-02-05', lastNight: '2027-02-07' }, 400, 'firstNight'],
      [{ personnelId: person, bedId: bed, firstNight: '2027-02-30', lastNight: '2027-03-01' }, 400, 'firstNight'],
      [{ personnelId: person, bedId: 'bed-1', firstNight: '2027-02-07', lastNight: '2027-02-07' }, 400, 'bedId'],
      [{ personnelId: person, bedId: bed, firstNight: '7/2/2027', lastNight: '2027-02-07' }, 400, 'firstNight'],
    ];
    for (const [body, status, field] of cases) {
      const response = await api.post('/api/v1/lodging/allocations', body);
      expect({ body, status: response.status }).toEqual({ body, status });
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    const outside = await api.post('/api/v1/lodging/allocations', {
      personnelId: person,
      bedId: bed,
      firstNight: '2027-02-07',
      lastNight: '2027-02-08',
    });
    expect(outside.body.message).toBe(
      `night 2027-02-08 is outside personnel ${person}'s duties: none of them needs a bed that night`,
    );
    expect(await world.counts()).toEqual(before);
  });

  it("shows an officer of another district none of Haripur's allocations, and lets them change none", async () => {
    const person = await visitor();
    const bed = await world.room(site.id, 'male', ['S1'], 'Scope room');
    const allocation = (await allocate(person, bed.beds[0].id)).body as { id: string };
    const officer = await world.user('logistics.laa', 'logistics_officer', [abbottabad.districtId]);
    const before = await world.counts();

    expect((await officer.get(`/api/v1/lodging/allocations/${allocation.id}`)).status).toBe(404);
    const list = await officer.get(`/api/v1/lodging/allocations?districtId=${haripur.districtId}`);
    expect(list.body).toEqual({ items: [], nextCursor: null, total: 0 });
    // The person's home district is theirs, but Haripur's beds are not.
    const theirs = await officer.post('/api/v1/lodging/allocations', {
      personnelId: person,
      bedId: bed.beds[0].id,
      firstNight: '2027-02-07',
      lastNight: '2027-02-07',
    });
    expect(theirs.status).toBe(422);
    expect(theirs.body.errors[0].field).toBe('bedId');
    const actions: [string, object][] = [
      ['release', { reason: 'Not theirs' }],
      ['check-in', { at: '2027-02-07T20:00:00+05:00' }],
      ['check-out', {}],
    ];
    for (const [action, body] of actions) {
      const response = await officer.post(`/api/v1/lodging/allocations/${allocation.id}/${action}`, body);
      expect({ action, status: response.status }).toEqual({ action, status: 404 });
    }
    const auto = await officer.post('/api/v1/lodging/allocations/auto', {
      districtId: haripur.districtId,
      from: '2027-02-07',
      to: '2027-02-07',
    });
    expect(auto.status).toBe(422);
    const occupancy = await officer.get('/api/v1/lodging/occupancy?from=2027-02-07&to=2027-02-07');
    expect(occupancy.body.total).toBe(0);
    expect(await world.counts()).toEqual(before);
  });

  it('checks a person in and out, gives back the nights after they left, and counts it in occupancy', async () => {
    const person = await visitor({ startsAt: '2027-02-06T20:00:00+05:00', endsAt: '2027-02-09T02:00:00+05:00' });
    const room = await world.room(site.id, 'male', ['C1'], 'Check-in room');
    const made = await allocate(person, room.beds[0].id, '2027-02-06', '2027-02-08');
    expect(made.status).toBe(201);
    const id = made.body.id as string;

    const early = await api.post(`/api/v1/lodging/allocations/${id}/check-out`, {});
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('has not been checked in');
    const wrongNight = await api.post(`/api/v1/lodging/allocations/${id}/check-in`, {
      at: '2027-02-10T19:00:00+05:00',
    });
    expect(wrongNight.status).toBe(409);
    expect(wrongNight.body.errors[0].field).toBe('at');

    const checkedIn = await api.post(`/api/v1/lodging/allocations/${id}/check-in`, { at: '2027-02-06T19:40:00+05:00' });
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body.checkedInAt).toBe('2027-02-06T19:40:00+05:00');

    const occupancy = await api.get(`/api/v1/lodging/occupancy?siteId=${site.id}&from=2027-02-06&to=2027-02-08`);
    expect(occupancy.status).toBe(200);
    expect(occupancy.body.items.map((row: { night: string }) => row.night)).toEqual([
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
    ]);
    const on6th = occupancy.body.items[0];
    expect(on6th).toMatchObject({ siteName: 'Police Lines Haripur', held: 1, checkedIn: 1 });
    expect(on6th.free).toBe(on6th.beds - 1);

    const checkedOut = await api.post(`/api/v1/lodging/allocations/${id}/check-out`, {
      at: '2027-02-07T09:00:00+05:00',
    });
    expect(checkedOut.status).toBe(200);
    expect(checkedOut.body.nights).toEqual([
      { night: '2027-02-06', status: 'held', releaseReason: null, surplus: false },
      { night: '2027-02-07', status: 'released', releaseReason: 'checked_out', surplus: false },
      { night: '2027-02-08', status: 'released', releaseReason: 'checked_out', surplus: false },
    ]);
    const after = await api.get(`/api/v1/lodging/occupancy?siteId=${site.id}&from=2027-02-07&to=2027-02-07`);
    expect(after.body.items[0].held).toBe(
      on6th.held === 1 ? occupancy.body.items[1].held - 1 : occupancy.body.items[1].held,
    );
    // The bed is free again for the nights given back.
    const next = await visitor();
    expect((await allocate(next, room.beds[0].id)).status).toBe(201);

    const listed = await api.get(`/api/v1/lodging/allocations?personnelId=${person}&status=released,held`);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
  });

  it('flags a site whose welfare check fails for everyone housed there that night', async () => {
    const checked = await world.site(haripur, { name: 'Welfare School' });
    const room = await world.room(checked.id, 'male', ['1'], 'Room');
    const person = await visitor();
    expect((await allocate(person, room.beds[0].id)).status).toBe(201);

    const bad = await api.post(`/api/v1/lodging/sites/${checked.id}/welfare-checks`, {
      date: '2027-02-07',
      water: false,
      toilets: true,
      power: true,
      note: 'Tank empty',
    });
    expect(bad.status).toBe(201);
    expect(bad.body).toMatchObject({ siteId: checked.id, date: '2027-02-07', failing: true, note: 'Tank empty' });
    const occupancy = await api.get(`/api/v1/lodging/occupancy?siteId=${checked.id}&from=2027-02-06&to=2027-02-07`);
    expect(
      occupancy.body.items.map((row: { night: string; welfareFailing: boolean }) => [row.night, row.welfareFailing]),
    ).toEqual([
      ['2027-02-06', false],
      ['2027-02-07', true],
    ]);
    const nights = await api.get(`/api/v1/lodging/nights?personnelId=${person}&from=2027-02-07&to=2027-02-07`);
    expect(nights.body.items).toEqual([expect.objectContaining({ state: 'housed', siteFailing: true })]);

    // Fixed later that day: the last check stands.
    const fixed = await api.post(`/api/v1/lodging/sites/${checked.id}/welfare-checks`, {
      date: '2027-02-07',
      water: true,
      toilets: true,
      power: true,
    });
    expect(fixed.body.failing).toBe(false);
    const after = await api.get(`/api/v1/lodging/nights?personnelId=${person}&from=2027-02-07&to=2027-02-07`);
    expect(after.body.items[0].siteFailing).toBe(false);

    const wrong = await api.post(`/api/v1/lodging/sites/${checked.id}/welfare-checks`, {
      date: '2027-02-31',
      water: true,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['date', 'toilets', 'power']),
    );
  });
});
