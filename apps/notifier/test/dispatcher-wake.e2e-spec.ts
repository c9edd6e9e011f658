import { loadEnv } from '@rasad/common';
import { BriefingsEvents, NotificationView } from '@rasad/contracts';
import { TestApi, createGeography, createPersonnel, eventually } from '@rasad/testing';
import { NatsConnection, connect } from 'nats';
import { v7 as uuidv7 } from 'uuid';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { createNotifier } from '../src/bootstrap';
import { NotifierEnv } from '../src/notifier.env';
import { briefingSession, publishEvent } from './notifier-events';

/**
 * The dispatcher wakes when new notices commit (the notice trigger's NOTIFY), not on its next poll: with the poll set
 * to a minute, a notice still goes out within seconds.
 */
describe('notice dispatcher wake-up', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let nc: NatsConnection;

  beforeAll(async () => {
    rasad = await startRasad(
      'notifier_wake',
      {},
      { gateway: { RASAD_EVENT_CONSUMERS: 'notifier' } },
      { services: [(env) => createNotifier(loadEnv(NotifierEnv, { ...env, NOTIFY_POLL_MS: '60000' }))] },
    );
    api = rasad.api;
    nc = await connect({ servers: rasad.broker!.url });
  });

  afterAll(async () => {
    await nc?.close();
    await rasad?.stop();
  });

  it('sends a new notice at once, long before the next poll', async () => {
    const geo = await createGeography(api, 'WAKE');
    const person = (await createPersonnel(api, geo, { name: 'Bilal Ahmed' })) as { id: string };
    const event = await publishEvent(nc, BriefingsEvents.invitationCreated, uuidv7(), {
      invitationId: uuidv7(),
      personnelId: person.id,
      status: 'invited',
      session: briefingSession(geo.districtId),
    });

    const notice = await eventually(
      async () => {
        const response = await api.get('/api/v1/notifications?limit=500');
        const found = (response.body.items as NotificationView[]).find((n) => n.eventId === event.id);
        expect(found?.status).toBe('sent');
        return found!;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    // Sent well within the minute the poll would have taken, counting from when the notice was written.
    expect(Date.parse(notice.sentAt!) - Date.parse(notice.createdAt)).toBeLessThan(5000);
  });
});
