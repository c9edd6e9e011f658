import { Geography, TestApi, createGeography, createPersonnel } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';

const DUTY_HEADER = 'serviceNumber,postCode,role,startsAt,endsAt,phase';
const PASSWORD = 'a-long-enough-password';

/** Issue 19, "An officer's day": re-imports that fix a duty, codes and reasons on reposts, people who leave. */
describe("roster: an officer's day", () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let geo: Geography;
  let db: Client;

  /** The events the roster wrote to its outbox about one record, oldest first. */
  async function events(aggregateId: string, subject: string): Promise<any[]> {
    const { rows } = await db.query(
      `select envelope->'payload' as payload from roster.outbox where aggregate_id = $1 and subject = $2 order by seq`,
      [aggregateId, subject],
    );
    return rows.map((r) => r.payload);
  }

  async function duty(personnelId: string, startsAt: string, endsAt: string, extra: object = {}): Promise<string> {
    const created = await api.post('/api/v1/assignments', {
      personnelId,
      postId: geo.postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt,
      endsAt,
      ...extra,
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  beforeAll(async () => {
    rasad = await startRasad('roster_day');
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    geo = await createGeography(api, 'DAY');
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  describe('re-importing a duty (item 4)', () => {
    it('updates the duty itself when only its end changed: matched by person, post and phase', async () => {
      const person = await createPersonnel(api, geo);
      const row = (end: string) =>
        `${DUTY_HEADER}\n${person.serviceNumber},DAY-P1,guard,2027-02-08T06:00:00+05:00,${end},poll_day`;
      expect((await api.csv('/api/v1/imports/assignments', row('2027-02-08T20:00:00+05:00'))).body).toMatchObject({
        created: 1,
      });
      const [original] = (await api.get(`/api/v1/assignments?personnelId=${person.id}`)).body.items;

      const fixed = await api.csv('/api/v1/imports/assignments', row('2027-02-08T21:00:00+05:00'));

      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
      const duties = (await api.get(`/api/v1/assignments?personnelId=${person.id}`)).body.items;
      expect(duties).toEqual([expect.objectContaining({ id: original.id, endsAt: '2027-02-08T21:00:00+05:00' })]);
      const [changed] = await events(original.id, 'evt.roster.assignment.changed.v1');
      expect(changed).toMatchObject({
        before: { id: original.id, endsAt: '2027-02-08T15:00:00.000Z' },
        after: { id: original.id, endsAt: '2027-02-08T16:00:00.000Z' },
      });
      expect((await api.csv('/api/v1/imports/assignments', row('2027-02-08T21:00:00+05:00'))).body).toMatchObject({
        unchanged: 1,
      });
    });

    it('creates a second duty at the same post and phase when the file also names the first', async () => {
      const person = await createPersonnel(api, geo);
      const first = await duty(person.id, '2027-02-08T06:00:00+05:00', '2027-02-08T14:00:00+05:00');
      const csv = [
        DUTY_HEADER,
        `${person.serviceNumber},DAY-P1,guard,2027-02-08T06:00:00+05:00,2027-02-08T14:00:00+05:00,poll_day`,
        `${person.serviceNumber},DAY-P1,guard,2027-02-08T16:00:00+05:00,2027-02-08T22:00:00+05:00,poll_day`,
      ].join('\n');

      const imported = await api.csv('/api/v1/imports/assignments', csv);

      expect(imported.body).toMatchObject({ created: 1, updated: 0, unchanged: 1 });
      expect((await api.get(`/api/v1/assignments/${first}`)).body.endsAt).toBe('2027-02-08T14:00:00+05:00');
    });

    it('matches by an explicit id column, and reads an unknown id as a row error', async () => {
      const person = await createPersonnel(api, geo);
      const first = await duty(person.id, '2027-02-08T06:00:00+05:00', '2027-02-08T14:00:00+05:00');
      await duty(person.id, '2027-02-09T06:00:00+05:00', '2027-02-09T14:00:00+05:00');
      const header = `id,${DUTY_HEADER}`;
      const moved = `${first},${person.serviceNumber},DAY-P1,in_charge,2027-02-07T06:00:00+05:00,2027-02-07T15:00:00+05:00,poll_day`;

      const imported = await api.csv('/api/v1/imports/assignments', `${header}\n${moved}`);

      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ created: 0, updated: 1 });
      expect((await api.get(`/api/v1/assignments/${first}`)).body).toMatchObject({
        role: 'in_charge',
        startsAt: '2027-02-07T06:00:00+05:00',
        endsAt: '2027-02-07T15:00:00+05:00',
      });

      const missing = '0190b0c0-0000-7000-8000-000000000000';
      const elsewhen = moved.replace(first, missing).replaceAll('2027-02-07', '2027-02-12');
      const refused = await api.csv('/api/v1/imports/assignments', `${header}\n${elsewhen}`);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ row: 2, field: 'id', message: `no assignment with id ${missing}` }]);
    });

    it('reads the id of a duty outside the caller’s districts as absent, and leaves that duty alone', async () => {
      const other = await createGeography(api, 'DAYX');
      const person = await createPersonnel(api, geo);
      const theirs = await api.post('/api/v1/assignments', {
        personnelId: person.id,
        postId: other.postId,
        role: 'guard',
        phase: 'poll_day',
        startsAt: '2027-02-10T06:00:00+05:00',
        endsAt: '2027-02-10T14:00:00+05:00',
      });
      expect(theirs.status).toBe(201);
      expect(
        (
          await api.post('/api/v1/users', {
            username: 'officer.day',
            password: PASSWORD,
            role: 'logistics_officer',
            districtIds: [geo.districtId],
          })
        ).status,
      ).toBe(201);
      const officer = await rasad.anonymous.login('officer.day', PASSWORD);
      const row = `${theirs.body.id},${person.serviceNumber},DAY-P1,guard,2027-02-11T06:00:00+05:00,2027-02-11T14:00:00+05:00,poll_day`;

      const refused = await officer.csv('/api/v1/imports/assignments', `id,${DUTY_HEADER}\n${row}`);

      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        { row: 2, field: 'id', message: `no assignment with id ${theirs.body.id}` },
      ]);
      expect((await api.get(`/api/v1/assignments/${theirs.body.id}`)).body).toEqual(theirs.body);
    });

    it('names endsAt when the new end runs into another duty, startsAt when the start does (import and API)', async () => {
      const person = await createPersonnel(api, geo);
      const morning = await duty(person.id, '2027-02-08T06:00:00+05:00', '2027-02-08T14:00:00+05:00');
      const evening = await duty(person.id, '2027-02-08T16:00:00+05:00', '2027-02-08T22:00:00+05:00', {
        phase: 'counting',
      });
      const header = `id,${DUTY_HEADER}`;
      const late = `${morning},${person.serviceNumber},DAY-P1,guard,2027-02-08T06:00:00+05:00,2027-02-08T17:00:00+05:00,poll_day`;
      const early = `${evening},${person.serviceNumber},DAY-P1,guard,2027-02-08T13:00:00+05:00,2027-02-08T22:00:00+05:00,counting`;

      const endRunsIn = await api.csv('/api/v1/imports/assignments', `${header}\n${late}`);
      const startFallsIn = await api.csv('/api/v1/imports/assignments', `${header}\n${early}`);

      expect(endRunsIn.status).toBe(422);
      expect(endRunsIn.body.errors).toEqual([
        { row: 2, field: 'endsAt', message: expect.stringContaining(`overlaps assignment ${evening} at DAY-P1`) },
      ]);
      expect(startFallsIn.body.errors).toEqual([
        { row: 2, field: 'startsAt', message: expect.stringContaining(`overlaps assignment ${morning} at DAY-P1`) },
      ]);
      const patched = await api.patch(`/api/v1/assignments/${morning}`, { endsAt: '2027-02-08T17:00:00+05:00' });
      expect(patched.status).toBe(409);
      expect(patched.body.errors).toEqual([expect.objectContaining({ field: 'endsAt' })]);
      const moved = await api.patch(`/api/v1/assignments/${evening}`, { startsAt: '2027-02-08T13:00:00+05:00' });
      expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'startsAt' })]);
    });
  });
});
