import { loadEnv } from '@rasad/common';
import { BriefingsEvents } from '@rasad/contracts';
import { Geography, TestApi, createGeography, eventually } from '@rasad/testing';
import { RunningRasad } from '@rasad/testing/rasad-app';
import { NatsConnection } from 'nats';
import { createNotifier } from '../../notifier/src/bootstrap';
import { NotifierEnv } from '../../notifier/src/notifier.env';
import { BriefingsSuite, BriefingsWorld, startBriefingsSuite, streamEvents } from './briefings-fixtures';

const PUBLIC_BASE_URL = 'https://rasad.example.pk/';

/** An officer issues a person's calendar link: the answer holds the whole link, and the person is sent it. */
describe('calendar links reach their person', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let nc: NatsConnection;
  let world: BriefingsWorld;
  let geo: Geography;

  let suite: BriefingsSuite;

  beforeAll(async () => {
    suite = await startBriefingsSuite('calendar_link_notice', {
      gateway: {
        PUBLIC_BASE_URL,
        RASAD_EVENT_CONSUMERS: 'briefings,notifier',
        RASAD_SERVICES: 'roster,briefings,notifier',
      },
      services: [(common) => createNotifier(loadEnv(NotifierEnv, { ...common, NOTIFY_POLL_MS: '100' }))],
    });
    ({ rasad, api, nc, world } = suite);
    geo = await createGeography(api, 'CLN1');
  });

  afterAll(() => suite?.stop());

  it('answers the whole link on PUBLIC_BASE_URL and sends it to the person by their channel', async () => {
    const person = await world.person(geo);
    await world.projected([person], []);
    const officer = await world.user('briefer.cln1', 'briefing_officer', [geo.districtId]);

    const issued = await officer.post('/api/v1/calendar-links', { personnelId: person });
    expect(issued.status).toBe(201);
    expect(issued.body.url).toBe(`https://rasad.example.pk${issued.body.path}`);
    expect((await rasad.anonymous.get(new URL(issued.body.url).pathname)).status).toBe(200);

    const [event] = await eventually(async () => {
      const found = (await streamEvents<any>(nc, BriefingsEvents.calendarLinkIssued)).filter(
        (e) => e.payload.personnelId === person,
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect(event.payload).toEqual({ personnelId: person, districtId: geo.districtId, url: issued.body.url });

    const notice = await eventually(
      async () => {
        const log = await officer.get(`/api/v1/notifications?personnelId=${person}`);
        expect(log.status).toBe(200);
        const found = log.body.items.filter((n: { kind: string }) => n.kind === 'calendar_link');
        expect(found).toHaveLength(1);
        expect(found[0].status).toBe('sent');
        return found[0];
      },
      { timeoutMs: 20_000 },
    );
    expect(notice).toMatchObject({ channel: 'log', language: 'en', eventType: BriefingsEvents.calendarLinkIssued });
    expect(notice.body).toContain(issued.body.url);

    // Issuing again sends the new link; the old one no longer opens anything.
    const again = await officer.post('/api/v1/calendar-links', { personnelId: person });
    expect((await rasad.anonymous.get(issued.body.path)).status).toBe(404);
    await eventually(async () => {
      const log = await officer.get(`/api/v1/notifications?personnelId=${person}`);
      const bodies = log.body.items.filter((n: { kind: string }) => n.kind === 'calendar_link').map((n: any) => n.body);
      expect(bodies).toHaveLength(2);
      expect(bodies.some((body: string) => body.includes(again.body.url))).toBe(true);
    });
  });
});
