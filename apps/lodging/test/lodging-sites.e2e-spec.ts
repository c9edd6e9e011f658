import { ErrorCode, LodgingSubjects } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Geography, TestApi, createGeography } from '@rasad/testing';
import { RunningRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { LodgingWorld, startLodging } from './lodging-fixtures';

const STRANGER = '0190b0c0-0000-7000-8000-0000000000aa';

/** Sites, rooms and beds through the API: what an officer sets up before anyone can be housed. */
describe('lodging sites, rooms and beds', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let world: LodgingWorld;
  let haripur: Geography;
  let other: Geography;

  beforeAll(async () => {
    rasad = await startLodging('lodging_sites');
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    world = new LodgingWorld(api, db);
    haripur = await createGeography(api, 'LSH');
    other = await createGeography(api, 'LSO');
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('reports its health through the gateway', async () => {
    const response = await rasad.anonymous.get('/health');
    expect(response.body.info?.['lodging']).toEqual({ status: 'up' });
  });

  it('keeps a site with its rooms and labelled beds, and lists sites by name with their beds', async () => {
    const site = await world.site(haripur, { name: 'Police Lines Haripur', kind: 'police_lines' });
    const men = await world.room(site.id, 'male', ['1', '2', '3'], 'Barrack A');
    const women = await world.room(site.id, 'female', ['W1'], 'Family quarter');
    const more = await api.post(`/api/v1/lodging/rooms/${men.id}/beds`, { labels: ['4'] });
    expect(more.status).toBe(201);
    expect(more.body.beds.map((bed: { label: string }) => bed.label)).toEqual(['1', '2', '3', '4']);

    const read = await api.get(`/api/v1/lodging/sites/${site.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      name: 'Police Lines Haripur',
      kind: 'police_lines',
      facilities: { water: true, toilets: true, bathing: true, power: true },
      suitableForWomen: true,
      beds: 5,
    });
    expect(read.body.rooms.map((room: { name: string; gender: string }) => [room.name, room.gender])).toEqual([
      ['Barrack A', 'male'],
      ['Family quarter', 'female'],
    ]);
    expect(read.body.createdAt).toMatch(/\+05:00$/);
    expect(women.beds).toHaveLength(1);

    await world.site(haripur, { name: 'Boys High School No. 2', kind: 'school' });
    const list = await api.get(`/api/v1/lodging/sites?districtId=${haripur.districtId}&kind=school,police_lines`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { name: string }) => s.name)).toEqual([
      'Boys High School No. 2',
      'Police Lines Haripur',
    ]);
    expect(list.body.total).toBe(2);
    expect(list.body.items[1].beds).toBe(5);
  });

  it('refuses a room for women at a site not suitable for women, naming the field', async () => {
    const site = await world.site(haripur, { suitableForWomen: false });
    const before = await world.counts();
    const response = await api.post(`/api/v1/lodging/sites/${site.id}/rooms`, {
      name: 'Room 1',
      gender: 'female',
      beds: ['1'],
    });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([{ field: 'gender', message: expect.stringContaining('not suitable') }]);
    expect(await world.counts()).toEqual(before);
  });

  it('answers a second site, room or bed of the same name with a 409 naming the field, and adds nothing', async () => {
    const site = await world.site(haripur, { name: 'Rest House Ghazi' });
    const room = await world.room(site.id, 'any', ['A'], 'Suite');
    const before = await world.counts();
    const sameSite = await api.post('/api/v1/lodging/sites', {
      name: 'Rest House Ghazi',
      kind: 'rest_house',
      districtId: haripur.districtId,
      tehsilId: haripur.tehsilId,
      address: 'Ghazi',
      latitude: 34,
      longitude: 72.6,
      facilities: { water: true, toilets: true, bathing: false, power: false },
      suitableForWomen: false,
    });
    expect(sameSite.status).toBe(409);
    expect(sameSite.body.errors[0].field).toBe('name');
    const sameRoom = await api.post(`/api/v1/lodging/sites/${site.id}/rooms`, { name: 'Suite', gender: 'any' });
    expect(sameRoom.status).toBe(409);
    const sameBed = await api.post(`/api/v1/lodging/rooms/${room.id}/beds`, { labels: ['B', 'A'] });
    expect(sameBed.status).toBe(409);
    expect(sameBed.body.errors[0].field).toBe('labels');
    expect(await world.counts()).toEqual(before);
  });

  it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
    const site = await world.site(haripur);
    const before = await world.counts();
    const cases: [string, object, string][] = [
      ['/api/v1/lodging/sites', { name: 'X school', kind: 'hotel' }, 'kind'],
      [
        '/api/v1/lodging/sites',
        {
          name: 'Y school',
          kind: 'school',
          districtId: haripur.districtId,
          tehsilId: haripur.tehsilId,
          address: 'Haripur',
          latitude: 123,
          longitude: 72,
          facilities: { water: true, toilets: true, bathing: true, power: true },
          suitableForWomen: true,
        },
        'latitude',
      ],
      [`/api/v1/lodging/sites/${site.id}/rooms`, { name: 'R', gender: 'boys' }, 'gender'],
      [`/api/v1/lodging/sites/${site.id}/rooms`, { name: 'R', gender: 'male', beds: ['1', '1'] }, 'beds'],
    ];
    for (const [path, body, field] of cases) {
      const response = await api.post(path, body);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(JSON.stringify(response.body.errors)).toContain(field);
    }
    const unknownSite = await api.post(`/api/v1/lodging/sites/${STRANGER}/rooms`, { name: 'R', gender: 'male' });
    expect(unknownSite.status).toBe(404);
    expect(await world.counts()).toEqual(before);
  });

  it("shows an officer of another district none of Haripur's sites, and lets them change none", async () => {
    const site = await world.site(haripur);
    const room = await world.room(site.id, 'male', ['1']);
    const officer = await world.user('logistics.lso', 'logistics_officer', [other.districtId]);
    const before = await world.counts();

    expect((await officer.get(`/api/v1/lodging/sites/${site.id}`)).status).toBe(404);
    const list = await officer.get('/api/v1/lodging/sites');
    expect(list.body).toEqual({ items: [], nextCursor: null, total: 0 });
    const filtered = await officer.get(`/api/v1/lodging/sites?districtId=${haripur.districtId}`);
    expect(filtered.body.total).toBe(0);
    expect((await officer.post(`/api/v1/lodging/sites/${site.id}/rooms`, { name: 'R', gender: 'any' })).status).toBe(
      404,
    );
    expect((await officer.post(`/api/v1/lodging/rooms/${room.id}/beds`, { labels: ['9'] })).status).toBe(404);
    const check = { date: '2027-02-07', water: false, toilets: false, power: false };
    expect((await officer.post(`/api/v1/lodging/sites/${site.id}/welfare-checks`, check)).status).toBe(404);
    const elsewhere = await officer.post('/api/v1/lodging/sites', {
      name: 'Their school',
      kind: 'school',
      districtId: haripur.districtId,
      tehsilId: haripur.tehsilId,
      address: 'Haripur',
      latitude: 34,
      longitude: 72.9,
      facilities: { water: true, toilets: true, bathing: true, power: true },
      suitableForWomen: true,
    });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors[0].field).toBe('districtId');
    expect(await world.counts()).toEqual(before);

    const viewer = await world.user('viewer.lsh', 'viewer', [haripur.districtId]);
    expect((await viewer.get(`/api/v1/lodging/sites/${site.id}`)).status).toBe(200);
    expect((await viewer.post(`/api/v1/lodging/rooms/${room.id}/beds`, { labels: ['9'] })).status).toBe(403);
  });

  it('answers a request that reaches lodging without the gateway as for a caller of no district', async () => {
    const site = await world.site(haripur);
    const client = new RasadClient({ url: rasad.commonEnv.NATS_URL, name: 'lodging-stranger', timeoutMs: 5000 });
    try {
      const before = await world.counts();
      await expect(client.send(LodgingSubjects.siteGet, { id: site.id })).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
      expect(await client.send(LodgingSubjects.siteList, {})).toEqual({ items: [], nextCursor: null, total: 0 });
      await expect(
        client.send(LodgingSubjects.roomCreate, { siteId: site.id, name: 'Back door', gender: 'any' }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });
      expect(await world.counts()).toEqual(before);
    } finally {
      await client.onApplicationShutdown();
    }
  });
});
