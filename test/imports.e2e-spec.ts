import { EntityManager } from '@mikro-orm/postgresql';
import { TestApi, createGeography, fakeCnic, fakePhone } from '@rasad/testing';
import { Client } from 'pg';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { v7 as uuidv7 } from 'uuid';
import { ImportsRepository } from '../apps/roster/src/imports/imports.repository';
import { PERSONNEL_APPLY } from '../apps/roster/src/imports/personnel-import.sql';

interface PlanNode {
  'Relation Name'?: string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

/** The planner's row estimate for the scans of the staged rows, wherever they sit in the plan. */
function stagedRowsEstimate(node: PlanNode): number {
  const own = ['import_row', 'import_staged'].includes(node['Relation Name'] ?? '') ? node['Plan Rows'] : 0;
  return Math.max(own, ...(node.Plans ?? []).map(stagedRowsEstimate));
}

describe('CSV imports through the gateway', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;

  const count = async (table: string) => Number((await db.query(`select count(*) from roster.${table}`)).rows[0].count);

  const personnelCsv = (rows: string[][]) =>
    [
      'serviceNumber,name,rank,unitCode,homeDistrictCode,cnic,phone,gender,dietaryNeeds,travelMode',
      ...rows.map((r) => r.join(',')),
    ].join('\n');

  const person = (n: number, overrides: Partial<Record<string, string>> = {}) => {
    const row = {
      serviceNumber: `IMP-${n}`,
      name: `"Constable ${n}, Ghazi"`,
      rank: 'constable',
      unitCode: 'IMP-U',
      homeDistrictCode: 'IMP',
      cnic: fakeCnic(),
      phone: fakePhone(),
      gender: 'male',
      dietaryNeeds: n % 2 ? 'diabetic;vegetarian' : '',
      travelMode: 'provided',
      ...overrides,
    };
    return Object.values(row);
  };

  beforeAll(async () => {
    rasad = await startRasad('imports');
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    await createGeography(api, 'IMP');
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('rejects a file with one bad row with 422 naming row and field, and writes nothing', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => person(i));
    rows[16] = person(16, { rank: 'general' });
    const response = await api.csv('/api/v1/imports/personnel', personnelCsv(rows));
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IMPORT.INVALID_ROWS');
    expect(response.body.errors).toEqual([{ row: 18, field: 'rank', message: expect.stringContaining('rank') }]);
    expect(await count('personnel')).toBe(0);
  });

  it('names references that do not resolve and duplicates inside the file', async () => {
    const duplicate = person(2);
    const rows = [person(1, { unitCode: 'NO-SUCH-UNIT' }), duplicate, [...duplicate]];
    rows[2][5] = fakeCnic();
    const response = await api.csv('/api/v1/imports/personnel', personnelCsv(rows));
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { row: 2, field: 'unitCode', message: 'no unit with code NO-SUCH-UNIT' },
      { row: 4, field: 'serviceNumber', message: 'serviceNumber IMP-2 appears again (first on row 3)' },
    ]);
    expect(await count('personnel')).toBe(0);
  });

  it('reports unknown and missing columns against the header row', async () => {
    const response = await api.csv('/api/v1/imports/personnel', 'serviceNumber,name,colour\nX-1,Someone,red');
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, field: 'colour' }),
        expect.objectContaining({ row: 1, field: 'cnic' }),
      ]),
    );
  });

  it('imports every row, then a re-import changes nothing, and an edited file updates only what changed', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => person(1000 + i));
    const csv = personnelCsv(rows);
    const first = await api.csv('/api/v1/imports/personnel', csv);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ kind: 'personnel', rows: 2500, created: 2500, updated: 0, unchanged: 0 });
    const stored = await db.query(
      `select name, dietary_needs, phone from roster.personnel where service_number = 'IMP-1001'`,
    );
    expect(stored.rows[0]).toEqual({
      name: 'Constable 1001, Ghazi',
      dietary_needs: ['diabetic', 'vegetarian'],
      phone: rows[1][6],
    });

    const again = await api.csv('/api/v1/imports/personnel', csv);
    expect(again.body).toEqual({ kind: 'personnel', rows: 2500, created: 0, updated: 0, unchanged: 2500 });

    rows[5][2] = 'head_constable';
    const edited = await api.csv('/api/v1/imports/personnel', personnelCsv([...rows, person(9999)]));
    expect(edited.body).toEqual({ kind: 'personnel', rows: 2501, created: 1, updated: 1, unchanged: 2499 });
    expect(await count('personnel')).toBe(2501);
  });

  it('imports duties by service number and post code, refusing overlaps with the row and the clashing duty named', async () => {
    const header = 'serviceNumber,postCode,role,startsAt,endsAt,phase';
    const duty = (sn: string, start: string, end: string) => [sn, 'IMP-P1', 'guard', start, end, 'poll_day'].join(',');
    const good = [
      header,
      duty('IMP-1000', '2027-02-08T06:00:00+05:00', '2027-02-08T20:00:00+05:00'),
      duty('IMP-1001', '2027-02-08T06:00:00+05:00', '2027-02-08T20:00:00+05:00'),
      duty('IMP-1001', '2027-02-07T14:00:00+05:00', '2027-02-07T22:00:00+05:00'),
    ].join('\n');
    const first = await api.csv('/api/v1/imports/assignments', good);
    expect(first.body).toEqual({ kind: 'assignments', rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect((await api.csv('/api/v1/imports/assignments', good)).body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });

    const [existing] = (
      await db.query(`select a.id from roster.duty_assignment a join roster.personnel p on p.id = a.personnel_id
      where p.service_number = 'IMP-1000'`)
    ).rows;
    const bad = [
      header,
      duty('IMP-1002', '2027-02-08T06:00:00+05:00', '2027-02-08T20:00:00+05:00'),
      duty('IMP-1002', '2027-02-08T18:00:00+05:00', '2027-02-09T02:00:00+05:00'),
      // Another phase: a poll-day row at the same post would move IMP-1000's one poll-day duty there (its match).
      duty('IMP-1000', '2027-02-08T19:00:00+05:00', '2027-02-09T01:00:00+05:00').replace('poll_day', 'counting'),
      duty('IMP-1003', '2027-02-08T20:00:00+05:00', '2027-02-08T06:00:00+05:00'),
      duty('NOBODY', '2027-02-08T06:00:00+05:00', '2027-02-08T20:00:00+05:00'),
    ].join('\n');
    const response = await api.csv('/api/v1/imports/assignments', bad);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { row: 3, field: 'startsAt', message: 'this duty overlaps the duty on row 2 for the same person' },
      { row: 4, field: 'startsAt', message: expect.stringContaining(`overlaps assignment ${existing.id} at IMP-P1`) },
      { row: 5, field: 'endsAt', message: 'endsAt must be after startsAt' },
      { row: 6, field: 'serviceNumber', message: 'no personnel with service number NOBODY' },
    ]);
    expect(await count('duty_assignment')).toBe(3);
  });

  it('refuses files whose only problems are in the set (checked in the upsert statement), writing nothing', async () => {
    const [taken] = (await db.query(`select cnic from roster.personnel where service_number = 'IMP-1000'`)).rows;
    const people = await api.csv('/api/v1/imports/personnel', personnelCsv([person(7000, { cnic: taken.cnic })]));
    expect(people.status).toBe(422);
    expect(people.body.errors).toEqual([{ row: 2, field: 'cnic', message: 'cnic is already registered to IMP-1000' }]);

    const duties = [
      'serviceNumber,postCode,role,startsAt,endsAt,phase',
      'IMP-1004,IMP-P1,guard,2027-02-08T06:00:00+05:00,2027-02-08T20:00:00+05:00,poll_day',
      'IMP-1004,IMP-P1,guard,2027-02-08T06:00:00+05:00,2027-02-08T20:00:00+05:00,poll_day',
      'NOBODY,IMP-P1,guard,2027-02-08T06:00:00+05:00,2027-02-08T20:00:00+05:00,poll_day',
    ].join('\n');
    const before = await count('duty_assignment');
    const response = await api.csv('/api/v1/imports/assignments', duties);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { row: 3, field: 'startsAt', message: 'this duty overlaps the duty on row 2 for the same person' },
      { row: 4, field: 'serviceNumber', message: 'no personnel with service number NOBODY' },
    ]);
    expect(await count('duty_assignment')).toBe(before);
    expect(await count('personnel')).toBe(2501);
  });

  it('answers 422 with the line for malformed CSV and 415 for a body that is not CSV', async () => {
    const broken = await api.csv('/api/v1/imports/personnel', `${personnelCsv([person(1)])}\n"unterminated,quote`);
    expect(broken.status).toBe(422);
    expect(broken.body.errors[0]).toMatchObject({ row: 3 });
    const json = await api.post('/api/v1/imports/personnel', { rows: [] });
    expect(json.status).toBe(415);
    expect(await db.query('select count(*) from roster.import_batch')).toMatchObject({ rows: [{ count: '0' }] });
  });

  it("plans a commit from the batch's own rows, whatever import_row's statistics say", async () => {
    const stage = async (rows: number) => {
      const id = uuidv7();
      await db.query(`insert into roster.import_batch (id, kind, columns) values ($1, 'personnel', '{}')`, [id]);
      await db.query(`insert into roster.import_row select $1, g, '{}'::jsonb from generate_series(1, $2::int) g`, [
        id,
        rows,
      ]);
      return id;
    };
    // import_row as autovacuum can leave it: analyzed just after a commit emptied it, its statistics say no rows
    // (planned from them, the checks ran as nested loops of 100,000 staged rows against themselves).
    const committed = await stage(2000);
    await db.query('delete from roster.import_batch where id = $1', [committed]);
    await db.query('analyze roster.import_row');
    const batchId = await stage(2000);
    try {
      const estimate = await rasad.roster
        .get(EntityManager)
        .fork()
        .transactional(async (em) => {
          await rasad.roster.get(ImportsRepository).prepareCommit(em, batchId);
          const [explained] = await em.execute<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
            `explain (format json) ${PERSONNEL_APPLY}`,
            [batchId, batchId, null, null],
          );
          return stagedRowsEstimate(explained['QUERY PLAN'][0].Plan);
        });
      expect(estimate).toBeGreaterThanOrEqual(1000);
    } finally {
      await db.query('delete from roster.import_batch where id = $1', [batchId]);
    }
  });
});
