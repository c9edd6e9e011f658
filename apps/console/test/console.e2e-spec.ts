import { demoUuid } from '@rasad/common';
import { TestApi, createPersonnel, dutyBody, eventually } from '@rasad/testing';
import { RunningRasad } from '@rasad/testing/rasad-app';
import { join } from 'node:path';
import { Client } from 'pg';
import { Browser, BrowserContext, Page } from 'playwright-core';
import {
  SCREENSHOTS,
  buildConsoleIfStale,
  createUser,
  launchChromium,
  seriousViolations,
  signInThroughPage,
  startConsoleRasad,
} from './console-browser';

const HARIPUR = demoUuid('district:HRP');
// In the demo as the home district of people posted to Haripur; none of its own posts or duties.
const ABBOTTABAD = demoUuid('district:ABT');
const POLL_DAY = '2027-02-08';
const PASSWORD = 'console-password-for-tests';
// Pages wait on real services: the demo's meal plans and a fill take seconds on a loaded machine.
jest.setTimeout(180_000);

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/**
 * The web console in headless Chromium against one Rasad (roster with the Haripur demo, briefings, meals, lodging,
 * transport): sign-in, each officer's page, an import's row errors, Urdu, accessibility, and district scope.
 */
describe('web console in a browser', () => {
  let rasad: RunningRasad;
  let db: Client;
  let admin: TestApi;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    buildConsoleIfStale();
    ({ rasad, db } = await startConsoleRasad());
    admin = rasad.api;
    baseUrl = rasad.anonymous.baseUrl;
    await createUser(admin, 'officer.haripur', 'logistics_officer', [HARIPUR], PASSWORD);
    await abbottabadDuty();
    await createUser(admin, 'officer.abbottabad', 'logistics_officer', [ABBOTTABAD], PASSWORD);
    browser = await launchChromium();
  }, 300_000);

  /** Abbottabad gets a post and a duty of its own: the other district's officer has something to see. */
  async function abbottabadDuty(): Promise<void> {
    const made = async (path: string, body: object) => {
      const response = await admin.post(path, body);
      expect(response.status).toBe(201);
      return response.body as { id: string };
    };
    const tehsil = await made('/api/v1/tehsils', { districtId: ABBOTTABAD, code: 'ABT-T1', name: 'Abbottabad' });
    const station = await made('/api/v1/police-stations', { tehsilId: tehsil.id, code: 'ABT-PS1', name: 'Cantt' });
    const unit = await made('/api/v1/units', {
      districtId: ABBOTTABAD,
      code: 'ABT-U1',
      name: 'Police Lines',
      force: 'police',
    });
    const post = await made('/api/v1/posts', {
      code: 'ABT-PS-001',
      name: 'Government High School Abbottabad',
      kind: 'polling_station',
      category: 'B',
      policeStationId: station.id,
      latitude: 34.15,
      longitude: 73.21,
    });
    const person = await createPersonnel(
      admin,
      { unitId: unit.id, districtId: ABBOTTABAD },
      { name: 'Abbottabad Constable', serviceNumber: 'ABT-00001' },
    );
    expect((await admin.post('/api/v1/assignments', dutyBody(person.id, post.id))).status).toBe(201);
    await eventually(
      async () => {
        const summary = await admin.get(`/api/v1/readiness/summary?districtId=${ABBOTTABAD}`);
        expect(summary.status).toBe(200);
        expect(summary.body.totals.assignments).toBe(1);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  }

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await rasad?.stop();
  });

  async function signedIn(username: string, viewport = LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signInThroughPage(page, baseUrl, username, PASSWORD);
    return { context, page };
  }

  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('serves the console under / with the API’s headers and a CSP of its own origin; the API stays JSON', async () => {
    const index = await fetch(`${baseUrl}/briefings`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    const csp = index.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const html = await index.text();
    // Nothing from another host: a control room may be offline.
    expect(html).not.toMatch(/(src|href)="https?:/);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${baseUrl}/assets/no-such-file.js`)).status).toBe(404);
    for (const escape of ['/assets/..%2F..%2Fpackage.json', '/assets/%2e%2e/index.html', '/assets/.env']) {
      const answer = await fetch(`${baseUrl}${escape}`);
      expect(await answer.text()).not.toContain('"devDependencies"');
    }
    const unknownApi = await fetch(`${baseUrl}/api/v1/no-such-thing`);
    expect(unknownApi.status).toBe(404);
    expect(await unknownApi.json()).toMatchObject({ code: 'HTTP.404' });
    expect((await fetch(`${baseUrl}/health`)).headers.get('content-type')).toContain('application/json');
  });

  it('streams verdict changes only to the roles that read readiness, and only for a district in scope', async () => {
    const stream = (api: TestApi, districtId: string) =>
      fetch(`${baseUrl}/api/v1/readiness/stream?districtId=${districtId}`, {
        headers: api.token ? { authorization: `Bearer ${api.token}` } : {},
      });
    expect((await stream(rasad.anonymous, HARIPUR)).status).toBe(401);
    const other = await rasad.anonymous.login('officer.abbottabad', PASSWORD);
    const refused = await stream(other, HARIPUR);
    expect(refused.status).toBe(404);
    expect(JSON.stringify(await refused.json())).not.toContain('Haripur');
    expect((await stream(other, 'not-a-uuid')).status).toBe(400);
    await createUser(admin, 'briefer.haripur', 'briefing_officer', [HARIPUR], PASSWORD);
    expect((await stream(await rasad.anonymous.login('briefer.haripur', PASSWORD), HARIPUR)).status).toBe(403);

    const open = await stream(other, ABBOTTABAD);
    expect(open.status).toBe(200);
    expect(open.headers.get('content-type')).toContain('text/event-stream');
    expect(open.headers.get('x-content-type-options')).toBe('nosniff');
    const reader = open.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain('event: ready');
    await reader.cancel();
  });

  it('signs in with a wrong password refused, then offers only the districts in scope', async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') {
        blocked.push(message.text());
      }
    });
    await page.goto(`${baseUrl}/`);
    await shoot(page, 'sign-in');
    await page.getByLabel('Username').fill('officer.haripur');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const picker = page.getByLabel('District');
    await picker.locator('option').first().waitFor({ state: 'attached' });
    expect(await picker.locator('option').allTextContents()).toEqual(['Haripur']);
    // The token is this tab's, never a cookie.
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate<string>(`sessionStorage.getItem('rasad.session')`)).toContain('accessToken');
    expect(blocked.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    await context.close();
  });

  it('shows the district’s readiness, and a post changing colour live when a duty changes through the API', async () => {
    const { context, page } = await signedIn('officer.haripur');
    await page.waitForURL(`${baseUrl}/overview`);
    await page.locator('[data-live="live"]').first().waitFor();
    const summary = (await admin.get(`/api/v1/readiness/summary?districtId=${HARIPUR}`)).body;
    expect(await page.locator('[data-colour-count="amber"]').textContent()).toBe(String(summary.totals.amber));
    expect(await page.locator('.tehsil h3').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Ghazi'), expect.stringContaining('Khanpur')]),
    );
    expect(await page.locator('.grid .cell').count()).toBe(summary.byPoliceStation.length);
    // The trend: the summary as it stood at this hour on each of the last seven days, today's last.
    await page.locator('[data-trend-day]').nth(6).waitFor();
    expect(await page.locator('[data-trend-day]').count()).toBe(7);
    const days = await page
      .locator('[data-trend-day]')
      .evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-trend-day')));
    expect([...days].sort()).toEqual(days);
    expect(new Set(days).size).toBe(7);
    await page.screenshot({ path: join(SCREENSHOTS, 'overview.png') });
    await shoot(page, 'overview-full');
    expect(await seriousViolations(page)).toEqual([]);

    // A post whose duties are all days away (amber) gets a duty starting in three hours, with nothing arranged: red.
    const amber = (await admin.get(`/api/v1/readiness/posts?districtId=${HARIPUR}&colour=amber&limit=1`)).body.items[0];
    const dot = page.locator(`circle[data-post-id="${amber.postId}"]`);
    expect(await dot.getAttribute('data-colour')).toBe('amber');
    await page.evaluate('window.notReloaded = true');
    const unit = (await admin.get(`/api/v1/units?districtId=${HARIPUR}&limit=1`)).body.items[0];
    const person = await createPersonnel(
      admin,
      { unitId: unit.id, districtId: HARIPUR },
      { name: 'Live Test Constable' },
    );
    const soon = Date.now() + 3 * 3600_000;
    const duty = await admin.post(
      '/api/v1/assignments',
      dutyBody(person.id, amber.postId, {
        phase: 'pre_poll',
        startsAt: new Date(soon).toISOString(),
        endsAt: new Date(soon + 8 * 3600_000).toISOString(),
      }),
    );
    expect(duty.status).toBe(201);
    await page.locator(`circle[data-post-id="${amber.postId}"][data-colour="red"]`).waitFor({ timeout: 30_000 });
    expect(await page.evaluate<boolean>('window.notReloaded === true')).toBe(true);

    // The gap list, filtered to red, names the person; their post's page shows what they lack, check by check.
    await page.getByRole('link', { name: 'Gaps' }).click();
    await page.getByLabel('Colour').selectOption('red');
    const row = page.getByRole('row', { name: /Live Test Constable/ });
    await row.waitFor();
    await shoot(page, 'gaps');
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: new RegExp(amber.code) }).waitFor();
    await page.locator('[data-post-colour="red"]').waitFor();
    const mine = page.getByRole('row', { name: /Live Test Constable/ });
    // The post's colour and its gaps load separately: wait for the row's marks of what is missing.
    await mine.getByRole('link').first().waitFor();
    expect(await mine.getByRole('link').count()).toBeGreaterThan(0);
    await shoot(page, 'post');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('walks the officers’ pages: briefing scheduled, filled and called; meals planned; legs, trips and beds', async () => {
    const { context, page } = await signedIn('officer.haripur');
    await page.getByRole('link', { name: 'Briefings' }).click();
    await page.getByRole('heading', { name: 'Briefings', level: 1 }).waitFor();
    await page.locator('summary', { hasText: 'Schedule a briefing' }).click();
    await page.getByLabel('Title').fill('Code of conduct, Ghazi tehsil');
    await page.getByLabel('Venue').fill('Ghazi Police Station Hall');
    await page.getByLabel('Address').fill('Main Road, Ghazi');
    await page.getByLabel('Capacity').fill('40');
    await page.getByLabel('Starts').fill('2027-02-05T10:00');
    await page.getByLabel('Ends').fill('2027-02-05T12:00');
    await page.getByLabel('Presenter').fill('DSP Legal');
    await page.getByRole('button', { name: 'Schedule a briefing' }).click();
    await page.getByRole('link', { name: 'Code of conduct, Ghazi tehsil' }).click();
    await page.getByRole('heading', { name: 'Code of conduct, Ghazi tehsil' }).waitFor();
    await page.getByRole('button', { name: 'Fill from roster' }).click();
    await page.getByText(/^Invited: [1-9]\d* \(\d+\/40\)$/).waitFor();
    const invitations = page.getByRole('table', { name: /^Invitations \([1-9]\d*\)/ });
    await invitations.waitFor();
    const serviceNumber = (await invitations.locator('tbody tr td').first().textContent())!;
    await page.getByLabel('Service number').fill(serviceNumber);
    await page.getByRole('button', { name: 'Record' }).click();
    // The roll call opens when the briefing starts: the officer reads why, then it starts (the test moves its time).
    await page
      .getByRole('alert')
      .getByText(/attendance is taken once it has started/)
      .waitFor();
    await db.query(`update briefings.session set starts_at = now() - interval '5 minutes' where title = $1`, [
      'Code of conduct, Ghazi tehsil',
    ]);
    await page.getByRole('button', { name: 'Record' }).click();
    const rollCall = page.getByRole('table', { name: /^Roll call \(1\)/ });
    await rollCall.waitFor();
    expect(await rollCall.locator('tbody tr td').first().textContent()).toBe(serviceNumber);
    await shoot(page, 'briefing');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Meals' }).click();
    await page.getByLabel('Date').fill(POLL_DAY);
    await page.getByRole('button', { name: 'Plan the day' }).click();
    await page.getByRole('table', { name: /^Meal plans \([1-9]\d*\)/ }).waitFor({ timeout: 30_000 });
    await shoot(page, 'meals');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Transport' }).click();
    await page.getByLabel('Date').fill(POLL_DAY);
    const legs = page.getByRole('table', { name: /^Legs \([1-9]\d*\)/ });
    await legs.waitFor();
    expect(await legs.locator('tbody tr').first().textContent()).toContain('uncovered');
    await shoot(page, 'transport');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Lodging' }).click();
    await page.getByLabel('Date').fill('2027-02-07');
    await page.getByRole('table', { name: /^Occupancy \([1-9]\d*\)/ }).waitFor();
    await shoot(page, 'lodging');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('imports a CSV with a bad row: a progress bar, then the row’s error in a table and nothing written', async () => {
    const { context, page } = await signedIn('officer.haripur');
    await page.getByRole('link', { name: 'Roster import' }).click();
    await page.getByLabel('What the file holds').selectOption('personnel');
    const csv = [
      'serviceNumber,name,rank,unitCode,homeDistrictCode,cnic,phone,gender,travelMode',
      'HRP-90001,Asad Mehmood,constable,HRP-POLICE-LINES,HRP,13302-9000101-1,0300-9000101,male,provided',
      'HRP-90002,Bilal Khan,field_marshal,HRP-POLICE-LINES,HRP,13302-9000201-1,0300-9000201,male,provided',
    ].join('\n');
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // The bar shows while the file goes up and the roster checks it: a small file is quick, so watch for it.
    await page.evaluate(`window.sawProgress = false;
      new MutationObserver(() => { window.sawProgress ||= document.querySelector('.progress progress') !== null; })
        .observe(document.body, { subtree: true, childList: true })`);
    await page.getByRole('button', { name: 'Import' }).click();
    const errors = page.getByRole('table', { name: 'Rows with errors: nothing was written' });
    await errors.waitFor();
    const cells = await errors.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['3', 'rank']);
    expect(await page.evaluate<boolean>('window.sawProgress')).toBe(true);
    expect(await page.locator('.progress').count()).toBe(0);
    const { rows } = await db.query(`select 1 from roster.personnel where service_number = 'HRP-90001'`);
    expect(rows).toEqual([]);
    await shoot(page, 'import-errors');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('switches to Urdu, right to left, and stays usable on a phone and by keyboard', async () => {
    const { context, page } = await signedIn('officer.haripur', PHONE);
    await page.getByLabel('Language').selectOption('ur');
    await page.locator('html[dir="rtl"][lang="ur"]').waitFor();
    await page.getByRole('link', { name: 'بریفنگز' }).click();
    await page.getByRole('heading', { name: 'بریفنگز' }).waitFor();
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await shoot(page, 'briefings-urdu-phone');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'تیاری' }).click();
    await page.locator('.grid .cell').first().waitFor();
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await shoot(page, 'overview-urdu-phone');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('زبان').selectOption('en');

    // From the top of a fresh page: the skip link first, then the sections, each reachable and followed by Enter.
    await page.reload();
    await page.getByRole('navigation').waitFor();
    const focused = () => page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    const visited: string[] = [];
    while (visited.length < 10 && visited[visited.length - 1] !== 'Meals') {
      await page.keyboard.press('Tab');
      visited.push(await focused());
    }
    expect(visited).toEqual(expect.arrayContaining(['Briefings', 'Meals']));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Meals', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/meals');
    await context.close();
  });

  it('shows a user of another district none of Haripur’s records on any page', async () => {
    const { context, page } = await signedIn('officer.abbottabad');
    const answers: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/v1/')) {
        answers.push(response.url());
        void response.text().then(
          (text) => answers.push(text),
          () => undefined,
        );
      }
    });
    await page.getByLabel('District').locator('option').first().waitFor({ state: 'attached' });
    expect(await page.getByLabel('District').locator('option').allTextContents()).toEqual(['Abbottabad']);
    await page.locator('[data-colour-count="amber"]').getByText('1').waitFor();
    await shoot(page, 'other-district-overview');
    await page.getByRole('link', { name: 'Gaps' }).click();
    await page.getByRole('row', { name: /Abbottabad Constable/ }).waitFor();
    await shoot(page, 'other-district-gaps');
    await page
      .getByRole('row', { name: /Abbottabad Constable/ })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { name: /ABT-PS-001/ }).waitFor();
    await page.getByRole('row', { name: /Abbottabad Constable/ }).waitFor();
    await shoot(page, 'other-district-post');
    for (const [link, date] of [
      ['Briefings', undefined],
      ['Meals', POLL_DAY],
      ['Transport', POLL_DAY],
      ['Lodging', '2027-02-07'],
    ] as const) {
      await page.getByRole('link', { name: link }).click();
      if (date) {
        await page.getByLabel('Date').fill(date);
      }
      await page
        .getByRole('table', { name: /\(\d+\)$/ })
        .first()
        .waitFor();
      await shoot(page, `other-district-${link.toLowerCase()}`);
    }
    // Haripur's id names every one of its records' district; its name, its posts' codes and people's numbers too.
    const seen = answers.join('\n');
    expect(seen).not.toContain(HARIPUR);
    expect(seen).not.toMatch(/Haripur|HRP-/);
    expect(await page.content()).not.toMatch(/Haripur|HRP-/);
    await context.close();
  });
});
