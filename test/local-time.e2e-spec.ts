import { createGeography, createPersonnel, dutyBody, Geography, TestApi } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';

/** An officer reads and filters times as the clock in Haripur shows them, not as UTC. */
describe('local time at the API', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let geo: Geography;
  let early: string;
  let evening: string;

  const post = async (personnelId: string, startsAt: string, endsAt: string) => {
    const response = await api.post('/api/v1/assignments', dutyBody(personnelId, geo.postId, { startsAt, endsAt }));
    expect(response.status).toBe(201);
    return response.body;
  };
  const listed = async (query: string) => {
    const response = await api.get(`/api/v1/assignments?postId=${geo.postId}&${query}`);
    expect(response.status).toBe(200);
    return (response.body.items as { id: string }[]).map((item) => item.id).sort();
  };

  beforeAll(async () => {
    rasad = await startRasad('local_time');
    api = rasad.api;
    geo = await createGeography(api, 'LT');
    const person = await createPersonnel(api, geo);
    // 02:00 to 04:00 on 8 Feb in Haripur is still 7 Feb in UTC; 20:00 to 23:00 on 7 Feb is 7 Feb in both.
    early = (await post(person.id, '2027-02-08T02:00:00+05:00', '2027-02-08T04:00:00+05:00')).id;
    evening = (await post(person.id, '2027-02-07T20:00:00+05:00', '2027-02-07T23:00:00+05:00')).id;
  });

  afterAll(async () => {
    await rasad?.stop();
  });

  it('answers times with the deployment offset', async () => {
    const duty = await api.get(`/api/v1/assignments/${early}`);
    expect(duty.body.startsAt).toBe('2027-02-08T02:00:00+05:00');
    expect(duty.body.endsAt).toBe('2027-02-08T04:00:00+05:00');
    expect(duty.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+05:00$/);
    const page = await api.get(`/api/v1/assignments?postId=${geo.postId}`);
    for (const item of page.body.items) {
      expect(item.startsAt).toMatch(/\+05:00$/);
    }
  });

  it('reads a bare date in a filter as that local day', async () => {
    expect(await listed('from=2027-02-08&to=2027-02-08')).toEqual([early]);
    expect(await listed('from=2027-02-07&to=2027-02-07')).toEqual([evening]);
    expect(await listed('from=2027-02-09')).toEqual([]);
  });

  it('understands an offset whose + arrived as a space', async () => {
    // A + typed into a URL reaches the server as a space.
    expect(await listed('from=2027-02-08T01:00:00+05:00')).toEqual([early]);
    expect(await listed('from=2027-02-07T21:00:00%2B05:00&to=2027-02-07T22:00:00 05:00')).toEqual([evening]);
  });

  it('reads duty times in an imported spreadsheet without an offset as local time', async () => {
    const person = await createPersonnel(api, geo);
    const post = await api.get(`/api/v1/posts/${geo.postId}`);
    const imported = await api.csv(
      '/api/v1/imports/assignments',
      [
        'serviceNumber,postCode,role,startsAt,endsAt,phase',
        `${person.serviceNumber},${post.body.code},guard,10/02/2027 06:00,2027-02-10 20:00,counting`,
      ].join('\n'),
    );
    expect(imported.status).toBe(200);
    const [duty] = (await api.get(`/api/v1/assignments?personnelId=${person.id}`)).body.items;
    expect(duty).toMatchObject({ startsAt: '2027-02-10T06:00:00+05:00', endsAt: '2027-02-10T20:00:00+05:00' });
  });
});
