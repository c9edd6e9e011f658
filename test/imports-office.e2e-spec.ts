import { TestApi, createGeography, fakeCnic, fakePhone } from '@rasad/testing';
import { Client } from 'pg';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';

const PASSWORD = 'a-long-enough-password';
const IMPORTS_PER_MINUTE = 3;
const HEADER = 'serviceNumber,name,rank,unitCode,homeDistrictCode,cnic,phone,gender,travelMode';
const GARBLED = 'name looks garbled: save the spreadsheet as CSV UTF-8';

/** Imports as an office uses them: colleagues behind one router, files checked first, forms, Excel's habits. */
describe('imports an office can use', () => {
  let rasad: RunningRasad;
  let admin: TestApi;
  let db: Client;
  let districtId: string;
  let officers = 0;

  const count = async (table: string) => Number((await db.query(`select count(*) from roster.${table}`)).rows[0].count);

  /** A logistics officer of the district, signed in; every one of them comes from the same address. */
  async function officer(): Promise<TestApi> {
    const username = `officer.${++officers}`;
    const created = await admin.post('/api/v1/users', {
      username,
      password: PASSWORD,
      role: 'logistics_officer',
      districtIds: [districtId],
    });
    expect(created.status).toBe(201);
    return rasad.anonymous.login(username, PASSWORD);
  }

  const person = (serviceNumber: string, overrides: Partial<Record<string, string>> = {}) =>
    Object.values({
      serviceNumber,
      name: 'Muhammad Imran',
      rank: 'constable',
      unitCode: 'OFC-U',
      homeDistrictCode: 'OFC',
      cnic: fakeCnic(),
      phone: fakePhone(),
      gender: 'male',
      travelMode: 'provided',
      ...overrides,
    }).join(',');
  const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

  beforeAll(async () => {
    rasad = await startRasad('imports-office', { IMPORTS_PER_MINUTE: String(IMPORTS_PER_MINUTE) });
    admin = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    ({ districtId } = await createGeography(admin, 'OFC'));
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('counts the imports limit per signed-in officer: a colleague behind the same router still imports', async () => {
    const first = await officer();
    const colleague = await officer();
    const csv = file(person('OFC-LIM-1'));
    for (let i = 0; i < IMPORTS_PER_MINUTE; i++) {
      expect((await first.csv('/api/v1/imports/personnel', csv)).status).toBe(200);
    }
    const over = await first.csv('/api/v1/imports/personnel', csv);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBeTruthy();

    const theirs = await colleague.csv('/api/v1/imports/personnel', csv);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ rows: 1, unchanged: 1 });
  });

  it('answers a validate-only run with the counts, writes nothing, sends no event, and does not count it', async () => {
    const api = await officer();
    const kept = person('OFC-DRY-1');
    const changed = person('OFC-DRY-2');
    expect((await api.csv('/api/v1/imports/personnel', file(kept, changed))).status).toBe(200);
    const edited = file(kept, changed.replace(',constable,', ',head_constable,'), person('OFC-DRY-3'));
    const before = { personnel: await count('personnel'), outbox: await count('outbox') };

    for (let i = 0; i < IMPORTS_PER_MINUTE + 2; i++) {
      const dry = await api.csv('/api/v1/imports/personnel?dryRun=true', edited);
      expect({ status: dry.status, body: dry.body }).toEqual({
        status: 200,
        body: { dryRun: true, kind: 'personnel', rows: 3, created: 1, updated: 1, unchanged: 1 },
      });
    }
    expect({ personnel: await count('personnel'), outbox: await count('outbox') }).toEqual(before);
    const rank = await db.query(`select rank from roster.personnel where service_number = 'OFC-DRY-2'`);
    expect(rank.rows).toEqual([{ rank: 'constable' }]);
    expect(await count('import_batch')).toBe(0);

    // One real import so far: the dry runs left the officer two more, and then the limit holds.
    const real = await api.csv('/api/v1/imports/personnel', edited);
    expect(real.body).toEqual({ kind: 'personnel', rows: 3, created: 1, updated: 1, unchanged: 1 });
    expect(await count('outbox')).toBe(before.outbox + 2);
    expect((await api.csv('/api/v1/imports/personnel', edited)).status).toBe(200);
    expect((await api.csv('/api/v1/imports/personnel', edited)).status).toBe(429);
  });

  it('answers a validate-only run of a bad file with every row error, writing nothing', async () => {
    const api = await officer();
    const before = await count('personnel');
    const bad = file(
      person('OFC-BAD-1', { rank: 'general' }),
      person('OFC-BAD-2'),
      person('OFC-BAD-3', { phone: 'x' }),
    );
    const dry = await api.csv('/api/v1/imports/personnel?dryRun=true', bad);
    expect(dry.status).toBe(422);
    expect(dry.body.errors).toEqual([
      { row: 2, field: 'rank', message: expect.stringContaining('rank') },
      { row: 4, field: 'phone', message: expect.stringContaining('mobile') },
    ]);
    expect(await count('personnel')).toBe(before);
  });

  it('accepts the file from a browser form (multipart/form-data), streamed into the same import', async () => {
    const api = await officer();
    const form = new FormData();
    form.append('note', 'Ghazi roster');
    form.append('file', new Blob([file(person('OFC-FORM-1'), person('OFC-FORM-2'))], { type: 'text/csv' }), 'a.csv');
    const response = await fetch(`${api.baseUrl}/api/v1/imports/personnel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}` },
      body: form,
    });
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 200,
      body: { kind: 'personnel', rows: 2, created: 2, updated: 0, unchanged: 0 },
    });
    const stored = await db.query(
      `select count(*)::int as n from roster.personnel where service_number like 'OFC-FORM-%'`,
    );
    expect(stored.rows).toEqual([{ n: 2 }]);

    const empty = new FormData();
    empty.append('note', 'forgot the file');
    const noFile = await fetch(`${api.baseUrl}/api/v1/imports/personnel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}` },
      body: empty,
    });
    expect(noFile.status).toBe(400);

    const workbook = new FormData();
    workbook.append('file', new Blob([new Uint8Array([0x50, 0x4b, 3, 4])]), 'roster.xlsx');
    const excel = await fetch(`${api.baseUrl}/api/v1/imports/personnel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}` },
      body: workbook,
    });
    expect(excel.status).toBe(415);
    expect(((await excel.json()) as { message: string }).message).toContain('save it as CSV UTF-8');
  });

  it.each([
    ['JSON', 'application/json', '{"rows":[]}'],
    ['XML', 'application/xml', '<rows/>'],
    ['plain text', 'text/plain', HEADER],
  ])('refuses %s with 415 saying to send text/csv', async (_what, type, body) => {
    const response = await admin.request('POST', '/api/v1/imports/personnel', body, { 'content-type': type });
    expect(response.status).toBe(415);
    expect(response.body.message).toContain('text/csv');
  });

  it('keeps the JSON routes working beside form uploads', async () => {
    const district = await admin.post('/api/v1/districts', { code: 'OFC2', name: 'Second district' });
    expect(district.status).toBe(201);
  });

  it('stores a CNIC written without dashes in the dashed form, from a file and through the API', async () => {
    const api = await officer();
    const fromFile = fakeCnic();
    const imported = await api.csv(
      '/api/v1/imports/personnel',
      file(person('OFC-CNIC-1', { cnic: fromFile.replaceAll('-', '') })),
    );
    expect(imported.status).toBe(200);
    const stored = await db.query(`select cnic from roster.personnel where service_number = 'OFC-CNIC-1'`);
    expect(stored.rows).toEqual([{ cnic: fromFile }]);

    const typed = fakeCnic();
    const unit = await db.query(`select id from roster.unit where code = 'OFC-U'`);
    const created = await api.post('/api/v1/personnel', {
      serviceNumber: 'OFC-CNIC-2',
      name: 'Asma Bibi',
      rank: 'constable',
      unitId: unit.rows[0].id,
      homeDistrictId: districtId,
      cnic: typed.replaceAll('-', ''),
      phone: fakePhone(),
      gender: 'female',
      travelMode: 'self',
    });
    expect(created.status).toBe(201);
    expect(created.body.cnic).toBe(typed);
  });

  it('refuses names a spreadsheet garbled when saved in the wrong encoding, saying how to save it', async () => {
    const api = await officer();
    const response = await api.csv(
      '/api/v1/imports/personnel',
      file(
        person('OFC-ENC-1', { name: '???? ?????' }),
        person('OFC-ENC-2', { name: 'محمد عمران' }),
        person('OFC-ENC-3', { name: 'Imran \uFFFD\uFFFD\uFFFD' }),
      ),
    );
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { row: 2, field: 'name', message: GARBLED },
      { row: 4, field: 'name', message: GARBLED },
    ]);
  });
});
