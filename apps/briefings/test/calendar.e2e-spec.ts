import { Geography, TestApi, createGeography, eventually } from '@rasad/testing';
import { RunningRasad } from '@rasad/testing/rasad-app';
import { BriefingsSuite, BriefingsWorld, hoursFromNow, startBriefingsSuite } from './briefings-fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

interface FeedEvent {
  uid: string;
  sequence: number;
  status: string;
  start: string;
  end: string;
  summary: string;
  location: string;
  description: string;
}

/** The feed as a calendar app reads it, with a real iCalendar parser. */
function parseFeed(ics: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.name).toBe('vcalendar');
  return calendar.getAllSubcomponents('vevent').map((event: any) => ({
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    start: event.getFirstPropertyValue('dtstart').toJSDate().toISOString(),
    end: event.getFirstPropertyValue('dtend').toJSDate().toISOString(),
    summary: event.getFirstPropertyValue('summary'),
    location: event.getFirstPropertyValue('location'),
    description: event.getFirstPropertyValue('description'),
  }));
}

const uid = (sessionId: string) => `${sessionId}@rasad`;
/** iCalendar times have whole seconds. */
const wholeSeconds = (iso: string) => new Date(Math.floor(new Date(iso).getTime() / 1000) * 1000).toISOString();

describe('calendar feeds', () => {
  let suite: BriefingsSuite;
  let rasad: RunningRasad;
  let api: TestApi;
  let world: BriefingsWorld;
  let geo: Geography;
  let other: Geography;
  let person: string;
  const sessions: Record<'morning' | 'evening' | 'declined' | 'notInvited' | 'elsewhere', string> = {} as never;

  async function feed(client: TestApi, path: string): Promise<FeedEvent[]> {
    const response = await client.get(path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    return parseFeed(response.body as string);
  }

  const districtFeed = () => feed(api, `/api/v1/briefings.ics?districtId=${geo.districtId}`);

  async function issueLink(personnelId: string): Promise<{ token: string; path: string }> {
    const response = await api.post('/api/v1/calendar-links', { personnelId });
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    suite = await startBriefingsSuite('calendar');
    ({ rasad, api, world } = suite);
    geo = await createGeography(api, 'CAL1');
    other = await createGeography(api, 'CAL2');
    person = await world.person(geo);
    await world.projected([person], []);
    sessions.morning = (await world.session(geo.districtId, 48, { title: 'Code of conduct, morning' })).id;
    sessions.evening = (await world.session(geo.districtId, 56, { title: 'Security protocol, evening' })).id;
    sessions.declined = (await world.session(geo.districtId, 72, { title: 'First aid' })).id;
    sessions.notInvited = (await world.session(geo.districtId, 80, { title: 'Weapons handling' })).id;
    sessions.elsewhere = (await world.session(other.districtId, 48, { title: 'Another district' })).id;
    for (const id of [sessions.morning, sessions.evening, sessions.declined]) {
      expect((await api.post(`/api/v1/briefings/${id}/invitations`, { personnelIds: [person] })).status).toBe(201);
    }
  });

  afterAll(async () => {
    await suite?.stop();
  });

  it("lists every session of the district, and only that district's, for a signed-in officer", async () => {
    const events = await districtFeed();
    expect(events.map((e) => e.uid).sort()).toEqual(
      [sessions.morning, sessions.evening, sessions.declined, sessions.notInvited].map(uid).sort(),
    );
    const morning = events.find((e) => e.uid === uid(sessions.morning))!;
    expect(morning).toMatchObject({
      sequence: 0,
      status: 'CONFIRMED',
      summary: 'Code of conduct, morning',
      location: 'Police Lines Hall, G.T. Road, Haripur',
      description: 'Topics: Code of conduct, Security protocol\nPresenter: DSP Legal',
    });
    expect(new Date(morning.start).getTime()).toBeCloseTo(new Date(hoursFromNow(48)).getTime(), -5);

    expect((await rasad.anonymous.get(`/api/v1/briefings.ics?districtId=${geo.districtId}`)).status).toBe(401);
    expect((await api.get('/api/v1/briefings.ics?districtId=not-a-uuid')).status).toBe(400);
  });

  it("answers 404 for a district outside the caller's", async () => {
    const viewer = await world.user('calendar.viewer', 'viewer', [other.districtId]);
    expect((await viewer.get(`/api/v1/briefings.ics?districtId=${geo.districtId}`)).status).toBe(404);
    expect((await feed(viewer, `/api/v1/briefings.ics?districtId=${other.districtId}`)).map((e) => e.uid)).toEqual([
      uid(sessions.elsewhere),
    ]);
    // A viewer issues no links; an officer of the other district cannot reach someone who does not serve there.
    expect((await viewer.post('/api/v1/calendar-links', { personnelId: person })).status).toBe(403);
    const officer = await world.user('calendar.officer', 'briefing_officer', [other.districtId]);
    expect((await officer.post('/api/v1/calendar-links', { personnelId: person })).status).toBe(422);
    expect((await officer.request('DELETE', `/api/v1/calendar-links/${person}`)).status).toBe(404);
  });

  it("serves a person's briefings by their link, without sign-in, and follows reschedules, cancels and answers", async () => {
    const link = await issueLink(person);
    expect(link.path).toBe(`/api/v1/calendar/${link.token}.ics`);
    const before = await feed(rasad.anonymous, link.path);
    expect(before.map((e) => e.uid).sort()).toEqual(
      [sessions.morning, sessions.evening, sessions.declined].map(uid).sort(),
    );
    expect(before.every((e) => e.status === 'CONFIRMED')).toBe(true);

    const newStart = wholeSeconds(hoursFromNow(50));
    const moved = await api.post(`/api/v1/briefings/${sessions.morning}/reschedule`, {
      startsAt: newStart,
      endsAt: hoursFromNow(52),
      reason: 'Hall needed for ballot distribution',
    });
    expect(moved.status).toBe(200);
    expect(
      (await api.post(`/api/v1/briefings/${sessions.evening}/cancel`, { reason: 'Presenter on leave' })).status,
    ).toBe(200);
    const invitations = await api.get(`/api/v1/briefings/${sessions.declined}/invitations`);
    const [invitation] = invitations.body.items as { id: string }[];
    const declined = await api.patch(`/api/v1/briefings/${sessions.declined}/invitations/${invitation.id}`, {
      status: 'declined',
      reason: 'On leave that day',
    });
    expect(declined.status).toBe(200);

    for (const events of [await feed(rasad.anonymous, link.path), await districtFeed()]) {
      const morning = events.find((e) => e.uid === uid(sessions.morning))!;
      const was = before.find((e) => e.uid === uid(sessions.morning))!;
      expect(morning.sequence).toBeGreaterThan(was.sequence);
      expect(morning.start).toBe(newStart);
      expect(morning.status).toBe('CONFIRMED');
      const evening = events.find((e) => e.uid === uid(sessions.evening))!;
      expect(evening.status).toBe('CANCELLED');
      expect(evening.sequence).toBeGreaterThan(0);
    }
    // Declining is the person's own answer: their feed shows the event cancelled, the officers' still scheduled.
    const personal = await feed(rasad.anonymous, link.path);
    expect(personal.find((e) => e.uid === uid(sessions.declined))).toMatchObject({
      status: 'CANCELLED',
      description: expect.stringMatching(/^You declined this briefing\./),
    });
    expect((await districtFeed()).find((e) => e.uid === uid(sessions.declined))!.status).toBe('CONFIRMED');
  });

  it('revokes links: a revoked or replaced token answers 404 like one that never existed, a new one works', async () => {
    const first = await issueLink(person);
    expect((await rasad.anonymous.get(first.path)).status).toBe(200);

    const second = await issueLink(person);
    expect(second.token).not.toBe(first.token);
    const replaced = await rasad.anonymous.get(first.path);
    expect((await rasad.anonymous.get(second.path)).status).toBe(200);

    const revoked = await api.request('DELETE', `/api/v1/calendar-links/${person}`);
    expect(revoked).toMatchObject({ status: 200, body: { revoked: true } });
    expect((await api.request('DELETE', `/api/v1/calendar-links/${person}`)).body).toEqual({ revoked: false });
    const afterRevoke = await rasad.anonymous.get(second.path);
    const neverIssued = await rasad.anonymous.get(`/api/v1/calendar/${'x'.repeat(43)}.ics`);
    for (const response of [replaced, afterRevoke, neverIssued]) {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'RECORD.NOT_FOUND', message: 'No such calendar' });
    }
    expect((await rasad.anonymous.get('/api/v1/calendar/short.ics')).status).toBe(400);

    const third = await issueLink(person);
    expect((await feed(rasad.anonymous, third.path)).length).toBe(3);
    expect((await rasad.anonymous.get(second.path)).status).toBe(404);

    const unknown = await api.post('/api/v1/calendar-links', { personnelId: '0190b0c0-0000-7000-8000-000000000000' });
    expect(unknown.status).toBe(422);
    expect((await api.request('DELETE', '/api/v1/calendar-links/0190b0c0-0000-7000-8000-000000000000')).status).toBe(
      404,
    );
  });

  it('keeps tokens out of the audit log and stores only their hash', async () => {
    const link = await issueLink(person);
    const audit = await eventually(async () => {
      const response = await api.get(`/api/v1/audit?entity=calendar_link&entityId=${person}`);
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeGreaterThan(0);
      return response.body;
    });
    expect(JSON.stringify(audit)).not.toContain(link.token);
    expect(audit.items[0]).toMatchObject({ action: 'create', after: { personnelId: person, token: '[redacted]' } });
    const { rows } = await suite.db.query('select token_hash from briefings.calendar_link where personnel_id = $1', [
      person,
    ]);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].token_hash).not.toContain(link.token);
  });
});
