import { createGeography, createPersonnel, dutyBody, Geography, TestApi } from '@rasad/testing';
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
    const created = await api.post(
      '/api/v1/assignments',
      dutyBody(personnelId, geo.postId, { startsAt, endsAt, ...extra }),
    );
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

    it('moves no duty when two rows of the file resemble it: each creates its own', async () => {
      const person = await createPersonnel(api, geo);
      const first = await duty(person.id, '2027-02-08T06:00:00+05:00', '2027-02-08T14:00:00+05:00');
      const csv = [
        DUTY_HEADER,
        `${person.serviceNumber},DAY-P1,guard,2027-02-15T06:00:00+05:00,2027-02-15T14:00:00+05:00,poll_day`,
        `${person.serviceNumber},DAY-P1,guard,2027-02-16T06:00:00+05:00,2027-02-16T14:00:00+05:00,poll_day`,
      ].join('\n');

      const imported = await api.csv('/api/v1/imports/assignments', csv);

      expect(imported.body).toMatchObject({ created: 2, updated: 0 });
      expect((await api.get(`/api/v1/assignments/${first}`)).body.startsAt).toBe('2027-02-08T06:00:00+05:00');
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

  describe('codes and reasons on a repost (item 8)', () => {
    it('reposts by postCode, keeping the reason on the duty and in the change event', async () => {
      const other = await createGeography(api, 'DAYR');
      const second = await api.post('/api/v1/posts', {
        code: 'DAY-P2',
        name: 'Girls school, Day',
        kind: 'polling_station',
        category: 'B',
        policeStationId: geo.policeStationId,
      });
      expect(second.status).toBe(201);
      const person = await createPersonnel(api, geo);
      const id = await duty(person.id, '2027-02-14T06:00:00+05:00', '2027-02-14T14:00:00+05:00');

      const reposted = await api.patch(`/api/v1/assignments/${id}`, {
        postCode: 'DAY-P2',
        reason: 'Polling station moved to the girls school',
      });

      expect(reposted.status).toBe(200);
      expect(reposted.body).toMatchObject({
        postId: second.body.id,
        changeReason: 'Polling station moved to the girls school',
      });
      expect(await events(id, 'evt.roster.assignment.changed.v1')).toEqual([
        expect.objectContaining({
          before: expect.objectContaining({ postId: geo.postId }),
          after: expect.objectContaining({ postId: second.body.id }),
          reason: 'Polling station moved to the girls school',
        }),
      ]);
      const unknown = await api.patch(`/api/v1/assignments/${id}`, { postCode: 'NO-SUCH-POST' });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([{ field: 'postCode', message: 'no post with code NO-SUCH-POST' }]);
      const both = await api.patch(`/api/v1/assignments/${id}`, { postId: geo.postId, postCode: 'DAY-P1' });
      expect(both.status).toBe(400);
      expect(both.body.errors).toEqual([expect.objectContaining({ field: 'postCode' })]);

      // Another district's post, by code, reads as one that does not exist to an officer of this one.
      await api.post('/api/v1/users', {
        username: 'officer.repost',
        password: PASSWORD,
        role: 'logistics_officer',
        districtIds: [geo.districtId],
      });
      const officer = await rasad.anonymous.login('officer.repost', PASSWORD);
      const theirs = await officer.patch(`/api/v1/assignments/${id}`, { postCode: 'DAYR-P1' });
      expect(theirs.status).toBe(422);
      expect(theirs.body.errors).toEqual([{ field: 'postCode', message: 'no post with code DAYR-P1' }]);
      expect((await api.get(`/api/v1/assignments/${id}`)).body.postId).toBe(second.body.id);
      expect(other.postId).not.toBe(second.body.id);
    });
  });

  describe('people leave (item 11)', () => {
    const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

    it('deactivates a person: running and future duties cancelled with notices, past kept, no new duty', async () => {
      const person = await createPersonnel(api, geo);
      const past = await duty(person.id, hours(-72), hours(-64));
      const running = await duty(person.id, hours(-1), hours(5), { phase: 'counting' });
      const future = await duty(person.id, hours(72), hours(80), { phase: 'pre_poll' });
      await api.post('/api/v1/users', {
        username: 'viewer.day',
        password: PASSWORD,
        role: 'viewer',
        districtIds: [geo.districtId],
      });
      const viewer = await rasad.anonymous.login('viewer.day', PASSWORD);
      expect((await viewer.post(`/api/v1/personnel/${person.id}/deactivate`, { reason: 'Retired' })).status).toBe(403);

      const left = await api.post(`/api/v1/personnel/${person.id}/deactivate`, { reason: 'Transferred to Abbottabad' });

      expect(left.status).toBe(200);
      expect(left.body).toMatchObject({
        id: person.id,
        active: false,
        deactivatedAt: expect.any(String),
        deactivationReason: 'Transferred to Abbottabad',
      });
      const status = async (id: string) => (await api.get(`/api/v1/assignments/${id}`)).body;
      expect(await status(past)).toMatchObject({ status: 'planned', cancelReason: null });
      expect(await status(running)).toMatchObject({ status: 'cancelled', cancelReason: 'personnel_deactivated' });
      expect(await status(future)).toMatchObject({ status: 'cancelled', cancelReason: 'personnel_deactivated' });
      for (const id of [running, future]) {
        expect(await events(id, 'evt.roster.assignment.cancelled.v1')).toEqual([
          expect.objectContaining({ id, status: 'cancelled', reason: 'personnel_deactivated' }),
        ]);
      }
      expect(await events(past, 'evt.roster.assignment.cancelled.v1')).toEqual([]);
      const updates = await events(person.id, 'evt.roster.personnel.updated.v1');
      expect(updates.at(-1)).toMatchObject({ active: false, deactivationReason: 'Transferred to Abbottabad' });

      const listed = async (query = '') =>
        (await api.get(`/api/v1/personnel?search=${person.serviceNumber}${query}`)).body.items.map((p: any) => p.id);
      expect(await listed()).toEqual([]);
      expect(await listed('&includeInactive=true')).toEqual([person.id]);
      expect((await api.get(`/api/v1/personnel/${person.id}`)).body.active).toBe(false);

      const refused = await api.post('/api/v1/assignments', {
        personnelId: person.id,
        postId: geo.postId,
        role: 'guard',
        phase: 'poll_day',
        startsAt: hours(100),
        endsAt: hours(108),
      });
      expect(refused.status).toBe(409);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'personnelId' })]);
      const imported = await api.csv(
        '/api/v1/imports/assignments',
        `${DUTY_HEADER}\n${person.serviceNumber},DAY-P1,guard,${hours(100)},${hours(108)},poll_day`,
      );
      expect(imported.status).toBe(422);
      expect(imported.body.errors).toEqual([
        {
          row: 2,
          field: 'serviceNumber',
          message: `personnel ${person.serviceNumber} is deactivated and cannot be given duties`,
        },
      ]);
      const audit = await api.get(`/api/v1/audit?entity=personnel&entityId=${person.id}&action=deactivate`);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          before: expect.objectContaining({ active: true }),
          after: expect.objectContaining({ active: false }),
        }),
      ]);

      const back = await api.post(`/api/v1/personnel/${person.id}/reactivate`);
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ active: true, deactivatedAt: null, deactivationReason: null });
      expect(await listed()).toEqual([person.id]);
      expect(await status(future)).toMatchObject({ status: 'cancelled' });
      const again = await api.post('/api/v1/assignments', {
        personnelId: person.id,
        postId: geo.postId,
        role: 'guard',
        phase: 'poll_day',
        startsAt: hours(100),
        endsAt: hours(108),
      });
      expect(again.status).toBe(201);
    });

    it('refuses a deactivated person a duty written by a request racing the deactivation', async () => {
      const person = await createPersonnel(api, geo);
      const body = (n: number) => ({
        personnelId: person.id,
        postId: geo.postId,
        role: 'guard',
        phase: 'poll_day',
        startsAt: hours(200 + n * 10),
        endsAt: hours(205 + n * 10),
      });
      const [deactivated, ...created] = await Promise.all([
        api.post(`/api/v1/personnel/${person.id}/deactivate`, { reason: 'Dismissed' }),
        ...Array.from({ length: 10 }, (_, n) => api.post('/api/v1/assignments', body(n))),
      ]);

      expect(deactivated.status).toBe(200);
      expect(created.map((r) => r.status).filter((s) => s !== 201 && s !== 409)).toEqual([]);
      const { rows } = await db.query(
        `select count(*)::int as live from roster.duty_assignment where personnel_id = $1 and status <> 'cancelled'`,
        [person.id],
      );
      expect(rows[0].live).toBe(0);
    });
  });
});
