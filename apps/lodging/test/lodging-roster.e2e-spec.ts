import { Geography, TestApi, createGeography, eventually } from '@rasad/testing';
import { RunningRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { LodgingWorld, startLodging } from './lodging-fixtures';

// The night of 7 February: a duty from that evening into the small hours.
const NIGHT_7 = { startsAt: '2027-02-07T18:00:00+05:00', endsAt: '2027-02-08T02:00:00+05:00' };
const NIGHT_8 = { startsAt: '2027-02-08T18:00:00+05:00', endsAt: '2027-02-09T02:00:00+05:00' };
// Coordinates around Haripur city: the post, a school about 1 km away, police lines about 5 km, a hall 60 km off.
const POST_AT = { latitude: 33.99, longitude: 72.91 };

interface Unhoused {
  personnelId: string;
  night: string;
  reason: string;
}

/**
 * Lodging follows the roster: nights needed come from the duties (people from another district, or posted remote),
 * auto-allocation houses them nearest first and says who it could not house and why, a reposting or a cancellation
 * turns held nights surplus and needed ones unhoused, and a person not checked in by the cut-off loses the night.
 */
describe('lodging follows the roster', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let world: LodgingWorld;
  let haripur: Geography;
  let abbottabad: Geography;
  let nearPost: string;
  let farPost: string;
  const auto = (from: string, to: string) =>
    api.post('/api/v1/lodging/allocations/auto', { districtId: haripur.districtId, from, to });

  async function posted(
    postId: string,
    window: { startsAt: string; endsAt: string },
    person: Record<string, unknown> = {},
    home: Pick<Geography, 'unitId' | 'districtId'> = abbottabad,
  ) {
    const id = await world.person(home, person);
    const duty = await world.duty(id, postId, window.startsAt, window.endsAt);
    return { id, duty };
  }

  beforeAll(async () => {
    rasad = await startLodging('lodging_roster', { LODGING_SWEEP_POLL_MS: '200', LODGING_CHECK_IN_CUTOFF: '23:00' });
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    world = new LodgingWorld(api, db);
    haripur = await createGeography(api, 'LRH');
    abbottabad = await createGeography(api, 'LRA');
    nearPost = await world.post(haripur, 'LRH-NEAR', POST_AT.latitude, POST_AT.longitude);
    farPost = await world.post(haripur, 'LRH-FAR', 35.5, 72.91);
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('houses the nights people need nearest site first, a unit together, and says why it could not house the rest', async () => {
    const school = await world.site(haripur, {
      name: 'Boys School',
      latitude: 33.999,
      longitude: 72.91,
      suitableForWomen: false,
    });
    await world.room(school.id, 'male', ['1', '2'], 'Classroom');
    const lines = await world.site(haripur, { name: 'Police Lines', latitude: 34.035, longitude: 72.91 });
    await world.room(lines.id, 'male', ['1', '2', '3', '4'], 'Barrack');
    await world.room(lines.id, 'female', ['W1', 'W2'], 'Women barrack');
    const hall = await world.site(haripur, { name: 'Far Hall', latitude: 34.53, longitude: 72.91 });
    await world.room(hall.id, 'any', ['1', '2', '3'], 'Hall');

    const unit = await posted(nearPost, NIGHT_7);
    const unitMate = await posted(nearPost, NIGHT_7);
    const other = await posted(nearPost, NIGHT_7, { unitId: haripur.unitId });
    const women = [
      await posted(nearPost, NIGHT_7, { gender: 'female' }),
      await posted(nearPost, NIGHT_7, { gender: 'female' }),
      await posted(nearPost, NIGHT_7, { gender: 'female' }),
    ];
    const faraway = await posted(farPost, NIGHT_7);
    // From Haripur itself, posted in Haripur: goes home at night.
    const local = await posted(nearPost, NIGHT_7, {}, haripur);
    const everyone = [unit, unitMate, other, ...women, faraway, local];
    await world.projected(everyone.map((p) => p.duty));

    const answer = await auto('2027-02-07', '2027-02-07');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ allocations: 5, housedNights: 5, releasedSurplus: 0 });
    const unhoused = answer.body.unhoused as Unhoused[];
    expect(
      unhoused
        .map(({ personnelId, night, reason }) => ({ personnelId, night, reason }))
        .sort((a, b) => a.reason.localeCompare(b.reason)),
    ).toEqual([
      { personnelId: faraway.id, night: '2027-02-07', reason: 'no_bed_near_enough' },
      { personnelId: expect.any(String), night: '2027-02-07', reason: 'no_room_for_gender' },
    ]);
    const womanLeft = unhoused.find((u) => u.reason === 'no_room_for_gender')!.personnelId;
    expect(women.map((w) => w.id)).toContain(womanLeft);
    expect(unhoused[0]).toHaveProperty('serviceNumber');

    const siteOf = async (personnelId: string) => {
      const list = await api.get(`/api/v1/lodging/allocations?personnelId=${personnelId}`);
      return list.body.items.map(
        (a: { place: { siteName: string }; source: string }) => `${a.place.siteName}:${a.source}`,
      );
    };
    expect(await siteOf(unit.id)).toEqual(['Boys School:auto']);
    expect(await siteOf(unitMate.id)).toEqual(['Boys School:auto']);
    expect(await siteOf(other.id)).toEqual(['Police Lines:auto']);
    for (const woman of women.filter((w) => w.id !== womanLeft)) {
      expect(await siteOf(woman.id)).toEqual(['Police Lines:auto']);
    }
    expect(await siteOf(local.id)).toEqual([]);

    // The nights list says the same: the officer's view of who is still unhoused.
    const nights = await api.get(
      `/api/v1/lodging/nights?districtId=${haripur.districtId}&from=2027-02-07&to=2027-02-07&state=unhoused`,
    );
    expect(nights.status).toBe(200);
    expect(nights.body.items.map((n: { personnelId: string }) => n.personnelId).sort()).toEqual(
      [faraway.id, womanLeft].sort(),
    );

    // Run again: nothing new to house, the same two left.
    const again = await auto('2027-02-07', '2027-02-07');
    expect(again.body).toMatchObject({ allocations: 0, housedNights: 0, releasedSurplus: 0 });
    expect(again.body.unhoused).toHaveLength(2);
  });

  it('after a reposting, flags the old night surplus and the new one unhoused; auto-allocation frees one and houses the other', async () => {
    const site = await world.site(haripur, { name: 'Repost Rest House', latitude: 33.991, longitude: 72.911 });
    await world.room(site.id, 'male', ['R1'], 'Room');
    const person = await posted(nearPost, NIGHT_7);
    await world.projected([person.duty]);
    const first = await auto('2027-02-07', '2027-02-08');
    expect(first.status).toBe(200);
    const held = await api.get(`/api/v1/lodging/allocations?personnelId=${person.id}`);
    expect(held.body.items).toHaveLength(1);
    const allocationId = held.body.items[0].id as string;

    const moved = await api.patch(`/api/v1/assignments/${person.duty}`, { ...NIGHT_8, reason: 'Moved a day later' });
    expect(moved.status).toBe(200);
    await world.dutyProjectedAs(person.duty, `d.starts_at = '${NIGHT_8.startsAt}'::timestamptz`);

    const flagged = await api.get(`/api/v1/lodging/allocations/${allocationId}`);
    expect(flagged.body.nights).toEqual([{ night: '2027-02-07', status: 'held', releaseReason: null, surplus: true }]);
    const nights = await api.get(`/api/v1/lodging/nights?personnelId=${person.id}&from=2027-02-07&to=2027-02-08`);
    expect(nights.body.items.map((n: { night: string; state: string }) => [n.night, n.state])).toEqual([
      ['2027-02-07', 'surplus'],
      ['2027-02-08', 'unhoused'],
    ]);

    const rerun = await auto('2027-02-07', '2027-02-08');
    expect(rerun.body.releasedSurplus).toBeGreaterThanOrEqual(1);
    const released = await api.get(`/api/v1/lodging/allocations/${allocationId}`);
    expect(released.body.nights).toEqual([
      { night: '2027-02-07', status: 'released', releaseReason: 'surplus', surplus: false },
    ]);
    const after = await api.get(`/api/v1/lodging/nights?personnelId=${person.id}&from=2027-02-07&to=2027-02-08`);
    expect(after.body.items.map((n: { night: string; state: string }) => [n.night, n.state])).toEqual([
      ['2027-02-08', 'housed'],
    ]);

    // A cancelled duty's nights are surplus too.
    const cancelled = await api.post(`/api/v1/assignments/${person.duty}/cancel`, { reason: 'Not needed' });
    expect(cancelled.status).toBe(200);
    await world.dutyProjectedAs(person.duty, `d.status = 'cancelled'`);
    const surplus = await api.get(`/api/v1/lodging/nights?personnelId=${person.id}&from=2027-02-08&to=2027-02-08`);
    expect(surplus.body.items.map((n: { state: string }) => n.state)).toEqual(['surplus']);
  });

  it('gives back the bed of a person not checked in by the cut-off, and keeps the bed of one who came', async () => {
    const site = await world.site(haripur, { name: 'Cut-off School', latitude: 33.992, longitude: 72.912 });
    const room = await world.room(site.id, 'male', ['N1', 'N2'], 'Room');
    // Last night's duty: its cut-off (23:00) has passed.
    const yesterday = new Date(Date.now() - 24 * 3600_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Karachi' });
    const next = new Date(Date.parse(`${yesterday}T00:00:00Z`) + 24 * 3600_000).toISOString().slice(0, 10);
    const window = { startsAt: `${yesterday}T20:00:00+05:00`, endsAt: `${next}T02:00:00+05:00` };
    const absent = await posted(nearPost, window);
    const present = await posted(nearPost, window);
    await world.projected([absent.duty, present.duty]);

    const keep = await api.post('/api/v1/lodging/allocations', {
      personnelId: present.id,
      bedId: room.beds[1].id,
      firstNight: yesterday,
      lastNight: yesterday,
    });
    expect(keep.status).toBe(201);
    expect(
      (await api.post(`/api/v1/lodging/allocations/${keep.body.id}/check-in`, { at: `${yesterday}T21:00:00+05:00` }))
        .status,
    ).toBe(200);
    // Allocated after its cut-off (a late entry): the sweep gives it back at once.
    const lose = await api.post('/api/v1/lodging/allocations', {
      personnelId: absent.id,
      bedId: room.beds[0].id,
      firstNight: yesterday,
      lastNight: yesterday,
    });
    expect(lose.status).toBe(201);

    await eventually(async () => {
      const read = await api.get(`/api/v1/lodging/allocations/${lose.body.id}`);
      expect(read.body.nights).toEqual([
        { night: yesterday, status: 'released', releaseReason: 'no_show', surplus: false },
      ]);
    });
    const kept = await api.get(`/api/v1/lodging/allocations/${keep.body.id}`);
    expect(kept.body.nights[0].status).toBe('held');
    await eventually(async () => {
      const { rows } = await db.query(
        `select envelope->'payload' as payload from lodging.outbox where subject = 'evt.lodging.allocation.released.v1'
         and envelope->'payload'->'allocation'->>'id' = $1`,
        [lose.body.id],
      );
      expect(rows.map((row) => row.payload)).toEqual([
        expect.objectContaining({
          reason: 'no_show',
          released: [yesterday],
          allocation: expect.objectContaining({ siteName: 'Cut-off School', roomName: 'Room', bedLabel: 'N1' }),
        }),
      ]);
    });
  });
});
