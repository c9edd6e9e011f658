import { Geography, TestApi, createGeography, createPersonnel, personnelBody } from '@rasad/testing';
import { Client } from 'pg';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';

describe('roster through the gateway (HTTP → NATS → roster → PostgreSQL)', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let geo: Geography;
  let db: Client;

  const count = async (table: string) => Number((await db.query(`select count(*) from roster.${table}`)).rows[0].count);

  beforeAll(async () => {
    rasad = await startRasad('roster_api');
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    geo = await createGeography(api, 'HRP');
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('creates and reads back a person, with the phone stored in +92 form', async () => {
    const body = personnelBody(geo, { phone: '0300-1234567', dietaryNeeds: ['diabetic'] });
    const created = await api.post('/api/v1/personnel', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      serviceNumber: body.serviceNumber,
      phone: '+923001234567',
      dietaryNeeds: ['diabetic'],
    });

    const read = await api.get(`/api/v1/personnel/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers 400 naming a bad field, and writes nothing', async () => {
    const before = await count('personnel');
    const response = await api.post('/api/v1/personnel', personnelBody(geo, { cnic: '13302-123456-1' }));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'cnic' })]);
    expect(await count('personnel')).toBe(before);
  });

  it('refuses fields it does not know', async () => {
    const response = await api.post('/api/v1/districts', { code: 'ABC', name: 'Abc', colour: 'red' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'colour' })]);
  });

  it('answers 404 for an unknown id and 422 for an unknown reference', async () => {
    const missing = '0190b0c0-0000-7000-8000-000000000000';
    expect((await api.get(`/api/v1/assignments/${missing}`)).status).toBe(404);
    const response = await api.post('/api/v1/personnel', personnelBody(geo, { unitId: missing }));
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'unitId' })]);
  });

  it('refuses an overlapping duty with a 409 naming the clashing assignment', async () => {
    const person = await createPersonnel(api, geo);
    const duty = { personnelId: person.id, postId: geo.postId, role: 'guard', phase: 'poll_day' };
    const first = await api.post('/api/v1/assignments', {
      ...duty,
      startsAt: '2027-02-08T06:00:00+05:00',
      endsAt: '2027-02-08T20:00:00+05:00',
    });
    expect(first.status).toBe(201);
    const clash = await api.post('/api/v1/assignments', {
      ...duty,
      startsAt: '2027-02-08T19:00:00+05:00',
      endsAt: '2027-02-09T02:00:00+05:00',
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('ASSIGNMENT.OVERLAP');
    expect(clash.body.message).toContain(first.body.id);
    expect(clash.body.details.clashingAssignmentId).toBe(first.body.id);

    const back = await api.post('/api/v1/assignments', {
      ...duty,
      startsAt: '2027-02-08T20:00:00+05:00',
      endsAt: '2027-02-09T02:00:00+05:00',
    });
    expect(back.status).toBe(201);

    const repost = await api.patch(`/api/v1/assignments/${back.body.id}`, { startsAt: '2027-02-08T18:00:00+05:00' });
    expect(repost.status).toBe(409);

    const cancelled = await api.post(`/api/v1/assignments/${first.body.id}/cancel`, { reason: 'station merged' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(
      (await api.patch(`/api/v1/assignments/${back.body.id}`, { startsAt: '2027-02-08T18:00:00+05:00' })).status,
    ).toBe(200);
  });

  it('lets exactly one of 50 concurrent overlapping duties for one person through', async () => {
    const person = await createPersonnel(api, geo);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.post('/api/v1/assignments', {
          personnelId: person.id,
          postId: geo.postId,
          role: 'guard',
          phase: 'poll_day',
          startsAt: new Date(Date.UTC(2027, 1, 8, 1, i)).toISOString(),
          endsAt: new Date(Date.UTC(2027, 1, 8, 15, i)).toISOString(),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const live = await db.query(
      `select count(*) from roster.duty_assignment where personnel_id = $1 and status <> 'cancelled'`,
      [person.id],
    );
    expect(Number(live.rows[0].count)).toBe(1);
  });

  it('lists with filters and cursor pagination', async () => {
    const other = await createGeography(api, 'ABT');
    for (let i = 0; i < 3; i++) {
      await createPersonnel(api, other, { name: `Abbottabad Officer ${i}` });
    }
    const first = await api.get(`/api/v1/personnel?districtId=${other.districtId}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body).toMatchObject({ nextCursor: expect.any(String), total: 3 });
    const second = await api.get(
      `/api/v1/personnel?districtId=${other.districtId}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();

    const found = await api.get(`/api/v1/personnel?search=${encodeURIComponent('officer 1')}`);
    expect(found.body.items.map((p: { name: string }) => p.name)).toEqual(['Abbottabad Officer 1']);
    expect((await api.get('/api/v1/personnel?limit=0')).status).toBe(400);
  });
});
