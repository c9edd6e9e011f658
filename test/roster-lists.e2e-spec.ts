import { Geography, TestApi, createGeography, createPersonnel } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';

/** Issue 19 item 7: the roster's lists read as an officer reads them, in their natural order, with names. */
describe('roster: lists a person can read', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let geo: Geography;
  const people: Record<string, { id: string } & Record<string, any>> = {};
  const duties: Record<string, string> = {};

  async function duty(personnelId: string, startsAt: string, endsAt: string, status = 'planned'): Promise<string> {
    const created = await api.post('/api/v1/assignments', {
      personnelId,
      postId: geo.postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt,
      endsAt,
      status,
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  const listed = async (query: string) => {
    const response = await api.get(`/api/v1/assignments?districtId=${geo.districtId}&${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    rasad = await startRasad('roster_lists');
    api = rasad.api;
    geo = await createGeography(api, 'LST');
    // Created out of alphabetical order and out of start order, so creation order would give a different list.
    people.zafar = await createPersonnel(api, geo, { name: 'Zafar Iqbal', rank: 'constable' });
    people.asma = await createPersonnel(api, geo, { name: 'Asma Bibi', rank: 'asi' });
    people.kamran = await createPersonnel(api, geo, { name: 'Kamran Ali', rank: 'inspector' });
    duties.late = await duty(people.zafar.id, '2027-02-08T14:00:00+05:00', '2027-02-08T20:00:00+05:00', 'confirmed');
    duties.early = await duty(people.asma.id, '2027-02-08T06:00:00+05:00', '2027-02-08T12:00:00+05:00');
    duties.cancelled = await duty(people.kamran.id, '2027-02-08T08:00:00+05:00', '2027-02-08T10:00:00+05:00');
    expect((await api.post(`/api/v1/assignments/${duties.cancelled}/cancel`, { reason: 'Not needed' })).status).toBe(
      200,
    );
    duties.pending = await duty(people.kamran.id, '2027-02-08T10:00:00+05:00', '2027-02-08T13:00:00+05:00', 'reported');
  });

  afterAll(async () => {
    await rasad?.stop();
  });

  it('lists duties by start, each with the name, rank and service number of its person and its post code', async () => {
    const page = await listed('');

    expect(page.items.map((d: { id: string }) => d.id)).toEqual([duties.early, duties.pending, duties.late]);
    expect(page.total).toBe(3);
    expect(page.items[0]).toMatchObject({
      id: duties.early,
      personnel: { name: 'Asma Bibi', rank: 'asi', serviceNumber: people.asma.serviceNumber },
      post: { code: 'LST-P1', name: 'Polling station LST' },
    });
    expect(page.items[2].personnel.name).toBe('Zafar Iqbal');
  });

  it('reverses with sort=-startsAt and pages in that order', async () => {
    const first = await listed('sort=-startsAt&limit=2');
    const second = await listed(`sort=-startsAt&limit=2&cursor=${first.nextCursor}`);

    expect([...first.items, ...second.items].map((d: { id: string }) => d.id)).toEqual([
      duties.late,
      duties.pending,
      duties.early,
    ]);
    expect(second.nextCursor).toBeNull();
    expect((await api.get('/api/v1/assignments?sort=name')).status).toBe(400);
  });

  it('leaves a cancelled duty out unless asked for it', async () => {
    const ids = (page: { items: { id: string }[] }) => page.items.map((d) => d.id);

    expect(ids(await listed(''))).not.toContain(duties.cancelled);
    const withCancelled = await listed('includeCancelled=true');
    expect(ids(withCancelled)).toEqual([duties.early, duties.cancelled, duties.pending, duties.late]);
    expect(withCancelled.total).toBe(4);
    const onlyCancelled = await listed('status=cancelled');
    expect(ids(onlyCancelled)).toEqual([duties.cancelled]);
    expect(onlyCancelled.items[0]).toMatchObject({ status: 'cancelled', personnel: { name: 'Kamran Ali' } });
  });

  it('takes several statuses in one filter', async () => {
    const page = await listed('status=planned,confirmed');

    expect(page.items.map((d: { id: string }) => d.id)).toEqual([duties.early, duties.late]);
    expect(page.total).toBe(2);
    expect((await listed('status=planned&status=reported')).total).toBe(2);
    expect((await api.get('/api/v1/assignments?status=planned,nonsense')).status).toBe(400);
  });

  it('lists people by name, and takes several ranks', async () => {
    const all = (await api.get(`/api/v1/personnel?districtId=${geo.districtId}`)).body;
    expect(all.items.map((p: { name: string }) => p.name)).toEqual(['Asma Bibi', 'Kamran Ali', 'Zafar Iqbal']);
    expect(all.total).toBe(3);

    const juniors = (await api.get(`/api/v1/personnel?districtId=${geo.districtId}&rank=constable,asi`)).body;
    expect(juniors.items.map((p: { name: string }) => p.name)).toEqual(['Asma Bibi', 'Zafar Iqbal']);
    expect(juniors.total).toBe(2);

    const reversed = (await api.get(`/api/v1/personnel?districtId=${geo.districtId}&sort=-name`)).body;
    expect(reversed.items.map((p: { name: string }) => p.name)).toEqual(['Zafar Iqbal', 'Kamran Ali', 'Asma Bibi']);
  });

  it('lists units by id, in one request for many, and names the field when an id is not one', async () => {
    const other = await createGeography(api, 'LSU');
    const both = (await api.get(`/api/v1/units?ids=${geo.unitId},${other.unitId}&limit=10`)).body;
    expect(both.items.map((u: { id: string }) => u.id).sort()).toEqual([geo.unitId, other.unitId].sort());
    expect(both.total).toBe(2);
    const repeated = (await api.get(`/api/v1/units?ids=${other.unitId}&ids=${other.unitId}`)).body;
    expect(repeated.items.map((u: { id: string }) => u.id)).toEqual([other.unitId]);

    const bad = await api.get(`/api/v1/units?ids=${geo.unitId},HRP-POLICE-LINES`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('ids must be up to 500 unit ids');
  });
});
