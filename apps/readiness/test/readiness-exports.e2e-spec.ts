import { INestMicroservice } from '@nestjs/common';
import { loadEnv } from '@rasad/common';
import { ReadinessEvents } from '@rasad/contracts';
import { Geography, TestApi, createGeography, createPersonnel, createUser, eventually, pdfText } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { createNotifier } from '../../notifier/src/bootstrap';
import { NotifierEnv } from '../../notifier/src/notifier.env';
import { createReadiness } from '../src/bootstrap';
import { ReadinessEnv } from '../src/readiness.env';

const DAY_MS = 24 * 3600_000;
const URDU_PERSON = 'عمران خان';
const URDU_POST = 'سرکاری سکول خانپور';

/** A local date some days ahead in Pakistan. */
function localDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * DAY_MS).toLocaleDateString('en-CA', { timeZone: 'Asia/Karachi' });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2027-02-08` → `8 Feb`, as readiness writes a day. */
function day(date: string): string {
  const [, month, dayOfMonth] = date.split('-').map(Number);
  return `${dayOfMonth} ${MONTHS[month - 1]}`;
}

/**
 * The exports and the digest through the real gateway, roster, readiness and notifier: the gaps and roll-ups as CSV
 * safe for a spreadsheet, the commander's PDF, and the daily digest sent once to the district's commanders however
 * many replicas race for it or restart.
 */
describe('readiness exports and digest', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let haripur: Geography;
  let abbottabad: Geography;
  let ghaziTehsilId: string;
  let dsp: string;
  let sp: string;
  let constable: string;
  let outsider: string;
  const dutyDate = localDate(1);
  // The first replica's digest is not due today (its first round runs at start, the next in an hour): the suite
  // makes the digest due by starting replicas whose READINESS_DIGEST_AT has passed, never by waiting for a clock.
  const notDue = { READINESS_DIGEST_AT: '23:59', READINESS_DIGEST_POLL_MS: '3600000' };
  const due = { READINESS_DIGEST_AT: '00:00', READINESS_DIGEST_POLL_MS: '100' };
  const replica = (env: Record<string, string>, overrides: Record<string, string>) =>
    createReadiness(loadEnv(ReadinessEnv, { ...env, ...overrides }));

  const created = async (path: string, body: object): Promise<string> => {
    const response = await api.post(path, body);
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const duty = (personnelId: string, postId: string) =>
    created('/api/v1/assignments', {
      personnelId,
      postId,
      role: 'guard',
      phase: 'poll_day',
      // Covers dinner (19:30-21:30) tomorrow, more than 24 hours from now only in the morning: amber or red.
      startsAt: `${dutyDate}T18:00:00+05:00`,
      endsAt: `${dutyDate}T23:00:00+05:00`,
    });

  const get = (path: string, as: TestApi = api) =>
    fetch(`${as.baseUrl}${path}`, { headers: { authorization: `Bearer ${as.token}` } });

  const digestEvents = async (districtId: string) =>
    (
      await db.query(
        `select envelope->'payload' as payload from readiness.outbox where subject = $1 and aggregate_id = $2`,
        [ReadinessEvents.digestIssued, districtId],
      )
    ).rows.map((row) => row.payload);

  beforeAll(async () => {
    rasad = await startRasad(
      'readiness_exports',
      {},
      { gateway: { RASAD_SERVICES: 'roster,readiness,notifier', RASAD_EVENT_CONSUMERS: 'readiness,notifier' } },
      {
        services: [
          (env) => replica(env, notDue),
          (env) => createNotifier(loadEnv(NotifierEnv, { ...env, NOTIFY_POLL_MS: '100' })),
        ],
      },
    );
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    haripur = await createGeography(api, 'RXH');
    abbottabad = await createGeography(api, 'RXA');
    // A second tehsil whose name a spreadsheet would run as a formula, with an Urdu-named polling station.
    ghaziTehsilId = await created('/api/v1/tehsils', { districtId: haripur.districtId, code: 'RXH-G', name: '=Ghazi' });
    const station = await created('/api/v1/police-stations', {
      tehsilId: ghaziTehsilId,
      code: 'RXH-G-PS',
      name: 'PS Ghazi',
    });
    const school = await created('/api/v1/posts', {
      code: 'RXH-G-P1',
      name: URDU_POST,
      kind: 'polling_station',
      category: 'B',
      policeStationId: station,
    });
    constable = (await createPersonnel(api, haripur, { name: '=HYPERLINK("http://x")' })).id;
    const urdu = (await createPersonnel(api, haripur, { name: URDU_PERSON })).id;
    dsp = (await createPersonnel(api, haripur, { name: 'Tariq Mehmood', rank: 'dsp' })).id;
    sp = (await createPersonnel(api, haripur, { name: 'Asad Ali', rank: 'sp', language: 'ur' })).id;
    outsider = (await createPersonnel(api, abbottabad, { name: 'Khalid Shah', rank: 'sp' })).id;
    await duty(constable, haripur.postId);
    await duty(urdu, school);
    // From Abbottabad: needs a bed for the night of the duty (it runs past 22:00).
    const visitor = (await createPersonnel(api, haripur, { homeDistrictId: abbottabad.districtId })).id;
    await duty(visitor, haripur.postId);
    await eventually(
      async () => {
        const summary = await api.get(`/api/v1/readiness/summary?districtId=${haripur.districtId}`);
        expect(summary.status).toBe(200);
        expect(summary.body.totals.assignments).toBe(3);
      },
      { timeoutMs: 20_000 },
    );
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('exports the gap list as CSV, soonest first, with a formula-like name kept as text', async () => {
    const response = await get(`/api/v1/readiness/gaps?districtId=${haripur.districtId}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const csv = await response.text();
    const [header, ...rows] = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(header).toContain('personnel.name');
    expect(header).toContain('post.code');
    expect(rows).toHaveLength(3);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv).toContain(URDU_PERSON);
    expect(csv).toContain(`no dinner plan on ${day(dutyDate)} at RXH-P1`);
    // Each missing item is written as its words, not as JSON.
    expect(csv).not.toContain('"check"');
  });

  it('exports the roll-ups as CSV: the district, each tehsil, police station, unit and phase, that add up', async () => {
    const response = await get(`/api/v1/readiness/summary.csv?districtId=${haripur.districtId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 10)).toEqual([
      'at',
      'level',
      'id',
      'name',
      'assignments',
      'green',
      'amber',
      'red',
      'percentReady',
      'briefed.ok',
    ]);
    const rows = lines.slice(1).map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header[i], cell])));
    const district = rows.find((row) => row.level === 'district')!;
    expect(district).toMatchObject({
      id: haripur.districtId,
      name: 'District RXH',
      assignments: '3',
      'fed.missing': '3',
      'lodged.missing': '1',
    });
    const tehsils = rows.filter((row) => row.level === 'tehsil');
    expect(tehsils.map((row) => row.name).sort()).toEqual(["'=Ghazi", 'Tehsil RXH']);
    expect(tehsils.reduce((sum, row) => sum + Number(row.assignments), 0)).toBe(3);
    expect(rows.filter((row) => row.level === 'police_station')).toHaveLength(2);
    expect(rows.find((row) => row.level === 'unit')).toMatchObject({ name: 'Unit RXH', assignments: '3' });
    expect(rows.find((row) => row.level === 'phase')).toMatchObject({ id: 'poll_day', assignments: '3' });
  });

  it("prints the commander's report: district, tehsils, the Urdu name and the gap lines", async () => {
    const response = await get(`/api/v1/readiness/report.pdf?districtId=${haripur.districtId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes).toString('latin1')).toContain('NotoNaskhArabic');
    const text = (await pdfText(bytes)).text.join('\n');
    expect(text).toContain('Readiness: District RXH');
    expect(text).toContain('3 duties: 0 ready (0%)');
    expect(text).toMatch(/Reflects roster to /);
    expect(text).toContain('Fed: 0 ok, 3 missing');
    expect(text).toContain('Lodged: 2 ok, 1 missing');
    expect(text).toContain('Tehsil Tehsil RXH');
    expect(text).toContain('Tehsil =Ghazi');
    expect(text).toContain('PS Ghazi');
    // The reader gives this word back whole (where the font joins letters it may not: see the PDF writer's spec).
    expect(text).toContain('عمران');
    expect(text).toContain('Gaps: 3 duties lack something, soonest first');
    expect(text).toContain(`- no bed for the night of ${day(dutyDate)}`);
    expect(text).toContain(`- no dinner plan on ${day(dutyDate)} at RXH-P1`);
    expect(text).toContain('- code of conduct not acknowledged');
  });

  it("keeps another district's officer out of the exports, as the JSON routes do", async () => {
    const officer = await createUser(api, 'rx_abbottabad', 'logistics_officer', [abbottabad.districtId]);
    for (const path of ['report.pdf', 'summary.csv', 'gaps?format=csv&']) {
      const separator = path.endsWith('&') ? '' : '?';
      const response = await get(`/api/v1/readiness/${path}${separator}districtId=${haripur.districtId}`, officer);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ field: 'districtId' }] });
    }
    const own = await get(`/api/v1/readiness/summary.csv?districtId=${abbottabad.districtId}`, officer);
    expect(own.status).toBe(200);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const future = encodeURIComponent(new Date(Date.now() + DAY_MS).toISOString());
    const cases: [string, string][] = [
      [`report.pdf?districtId=nope`, 'districtId'],
      [`report.pdf`, 'districtId'],
      [`report.pdf?districtId=${haripur.districtId}&at=${future}`, 'at'],
      [`summary.csv?districtId=${haripur.districtId}&at=yesterday`, 'at'],
    ];
    for (const [path, field] of cases) {
      const response = await get(`/api/v1/readiness/${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      const body = (await response.json()) as { errors: { field: string }[] };
      expect(body.errors.map((error) => error.field)).toContain(field);
    }
  });

  it('issues the daily digest once per district and day, to its commanders only, however many replicas race', async () => {
    // The notifier must know the commanders before the digest names its recipients.
    await eventually(async () => {
      const { rows } = await db.query('select count(*)::int as known from notifier.personnel where id = any($1)', [
        [dsp, sp, outsider],
      ]);
      expect(rows[0].known).toBe(3);
    });
    expect(await digestEvents(haripur.districtId)).toEqual([]);
    const replicas: INestMicroservice[] = await Promise.all([
      replica(rasad.commonEnv, due),
      replica(rasad.commonEnv, due),
    ]);
    try {
      await Promise.all(replicas.map((app) => app.listen()));
      const [digest] = await eventually(async () => {
        const events = await digestEvents(haripur.districtId);
        expect(events).toHaveLength(1);
        return events;
      });
      const today = localDate(0);
      expect(digest).toMatchObject({ districtName: 'District RXH', date: today, assignments: 3, ready: 0 });
      const on = day(dutyDate);
      expect(digest.text).toBe(
        `District RXH: 0% ready (0 of 3 duties); 3 people at 2 posts not fully briefed; ` +
          `3 people at 2 posts without a ride to their post on ${on}; 3 people at 2 posts without dinner on ${on}; ` +
          `1 person at 1 post without a bed on the night of ${on}.`,
      );

      // In the delivery log like every notice: to the DSP in English, to the SP in Urdu, to no one else.
      const digestsOf = async (personnelId: string) =>
        (await api.get(`/api/v1/notifications?personnelId=${personnelId}`)).body.items.filter(
          (notice: { kind: string }) => notice.kind === 'readiness_digest',
        );
      const [toDsp, toSp] = await eventually(async () => {
        const found = [await digestsOf(dsp), await digestsOf(sp)];
        // Written once each, and sent by the dispatcher (log channel).
        expect(found.map((notices) => notices.map((notice: { status: string }) => notice.status))).toEqual([
          ['sent'],
          ['sent'],
        ]);
        return found.map((notices) => notices[0]);
      });
      expect(toDsp).toMatchObject({ language: 'en', body: `Rasad: ${digest.text}` });
      expect(toSp.body).toContain('رسد: District RXH: 0% تیار');
      expect(await digestsOf(constable)).toEqual([]);
      expect(await digestsOf(outsider)).toEqual([]);
    } finally {
      await Promise.all(replicas.map((app) => app.close()));
    }

    // Abbottabad has posts but no duties: its day is marked done, and nobody hears of it.
    const { rows } = await db.query('select district_id from readiness.digest where local_date = $1::date', [
      localDate(0),
    ]);
    expect(rows.map((row) => row.district_id).sort()).toEqual([haripur.districtId, abbottabad.districtId].sort());
    expect(await digestEvents(abbottabad.districtId)).toEqual([]);

    // A restart: a district that gets its first duty now has its digest issued by the restarted replica, which
    // proves it ran; Haripur's is not issued again.
    const khanpur = await createGeography(api, 'RXK');
    const guard = (await createPersonnel(api, khanpur)).id;
    await duty(guard, khanpur.postId);
    await eventually(async () => {
      const summary = await api.get(`/api/v1/readiness/summary?districtId=${khanpur.districtId}`);
      expect(summary.body.totals?.assignments).toBe(1);
    });
    const restarted = await replica(rasad.commonEnv, due);
    try {
      await restarted.listen();
      await eventually(async () => expect(await digestEvents(khanpur.districtId)).toHaveLength(1));
    } finally {
      await restarted.close();
    }
    expect(await digestEvents(haripur.districtId)).toHaveLength(1);
  });
});
