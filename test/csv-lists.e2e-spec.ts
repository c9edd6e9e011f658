import { parse } from 'csv-parse/sync';
import { Geography, TestApi, createGeography, createPersonnel } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';

const PASSWORD = 'a-long-enough-password';

/** Any list, as a spreadsheet an officer can open: every page, the caller's own masking, nothing a sheet would run. */
describe('lists as CSV', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let geo: Geography;

  const rowsOf = (csv: string) => parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { columns: true });

  beforeAll(async () => {
    rasad = await startRasad('csv_lists');
    api = rasad.api;
    geo = await createGeography(api, 'CSV');
    await createPersonnel(api, geo, { name: '=HYPERLINK("http://evil.example")', cnic: '13302-5550001-1' });
    // More than one page (500) of people, so the export has to walk the cursor.
    const lines = Array.from(
      { length: 620 },
      (_, n) =>
        `CSV-${String(n).padStart(4, '0')},Person ${n},constable,${geo.unitId},${geo.districtId},13302-${String(6000000 + n)}-1,03001${String(100000 + n)},male,provided`,
    );
    const imported = await api.csv(
      '/api/v1/imports/personnel',
      ['serviceNumber,name,rank,unitId,homeDistrictId,cnic,phone,gender,travelMode', ...lines].join('\n'),
    );
    expect(imported.status).toBe(200);
  });

  afterAll(async () => {
    await rasad?.stop();
  });

  it('exports every page of a list with ?format=csv, formulas neutralised, times local', async () => {
    const response = await api.get(`/api/v1/personnel?districtId=${geo.districtId}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toContain('personnel.csv');
    const rows = rowsOf(response.body as string);
    expect(rows).toHaveLength(621);
    expect(new Set(rows.map((row) => row.id)).size).toBe(621);
    const evil = rows.find((row) => row.cnic === '13302-5550001-1')!;
    expect(evil.name).toBe('\'=HYPERLINK("http://evil.example")');
    expect(evil.createdAt).toMatch(/\+05:00$/);
  });

  it('answers Accept: text/csv the same way, masked for a viewer', async () => {
    const created = await api.post('/api/v1/users', {
      username: 'csv.viewer',
      password: PASSWORD,
      role: 'viewer',
      districtIds: [geo.districtId],
    });
    expect(created.status).toBe(201);
    const viewer = await rasad.anonymous.login('csv.viewer', PASSWORD);
    const response = await viewer.request('GET', `/api/v1/personnel?districtId=${geo.districtId}`, undefined, {
      accept: 'text/csv',
    });
    expect(response.status).toBe(200);
    const rows = rowsOf(response.body as string);
    expect(rows).toHaveLength(621);
    expect(rows.every((row) => row.cnic.startsWith('*****-*******-'))).toBe(true);
    expect(rows.some((row) => row.cnic === '13302-5550001-1')).toBe(false);
  });

  it('leaves JSON as it was when CSV is not asked for', async () => {
    const response = await api.get(`/api/v1/personnel?districtId=${geo.districtId}&limit=2`);
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect(response.body.items).toHaveLength(2);
    expect(response.body.nextCursor).toEqual(expect.any(String));
  });
});
