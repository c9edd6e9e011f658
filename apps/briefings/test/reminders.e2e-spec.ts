import { INestMicroservice } from '@nestjs/common';
import { BriefingsEvents, EventEnvelope, ReminderDueEvent } from '@rasad/contracts';
import { Geography, TestApi, createGeography, eventually } from '@rasad/testing';
import { NatsConnection } from 'nats';
import { Client } from 'pg';
import { RunningRasad } from '@rasad/testing/rasad-app';
import {
  briefingsService,
  BriefingsSuite,
  BriefingsWorld,
  startBriefingsSuite,
  streamEvents,
} from './briefings-fixtures';

/**
 * Offsets in seconds instead of hours. They are 10 s apart so that the service can be stopped after one reminder
 * fires and before the next is due, and started again before the session begins.
 */
const FIRST = 20;
const SECOND = 10;
const REMINDERS = { REMINDER_OFFSETS: `${FIRST},${SECOND}`, REMINDER_POLL_MS: '100' };

interface ReminderRow {
  invitation_id: string;
  offset_seconds: number;
  session_sequence: number;
  due_at: Date;
  status: string;
}

describe('reminders', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let nc: NatsConnection;
  let world: BriefingsWorld;
  let geo: Geography;
  let common: Record<string, string>;

  let suite: BriefingsSuite;
  const briefings = briefingsService(REMINDERS);

  beforeAll(async () => {
    suite = await startBriefingsSuite('reminders', { briefings: REMINDERS });
    ({ rasad, api, db, nc, world } = suite);
    common = rasad.commonEnv;
    geo = await createGeography(api, 'REM1');
  });

  afterAll(() => suite?.stop());

  const at = (t0: number, seconds: number) => new Date(t0 + seconds * 1000);

  async function session(startsAt: Date): Promise<string> {
    const endsAt = new Date(startsAt.getTime() + 3600_000);
    const created = await world.session(geo.districtId, 0, {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    });
    return created.id;
  }

  async function invite(sessionId: string, personnelIds: string[]): Promise<Record<string, string>> {
    const response = await api.post(`/api/v1/briefings/${sessionId}/invitations`, { personnelIds });
    expect(response.status).toBe(201);
    return Object.fromEntries(
      (response.body as { id: string; personnelId: string }[]).map((i) => [i.personnelId, i.id]),
    );
  }

  async function people(n: number): Promise<string[]> {
    const ids = await Promise.all(Array.from({ length: n }, () => world.person(geo)));
    await world.projected(ids, []);
    return ids;
  }

  async function reminders(sessionId: string): Promise<ReminderRow[]> {
    const { rows } = await db.query<ReminderRow>(
      `select invitation_id, offset_seconds, session_sequence, due_at, status from briefings.reminder
       where session_id = $1 order by invitation_id, session_sequence, offset_seconds desc`,
      [sessionId],
    );
    return rows;
  }

  const statuses = async (sessionId: string) =>
    (await reminders(sessionId)).map((r) => `${r.offset_seconds}@${r.session_sequence}:${r.status}`).sort();

  async function dueEvents(sessionId: string): Promise<EventEnvelope<ReminderDueEvent>[]> {
    const events: EventEnvelope<ReminderDueEvent>[] = await streamEvents(nc, BriefingsEvents.reminderDue);
    return events.filter((e) => e.payload.session.id === sessionId);
  }

  const untilPast = (moment: Date) =>
    eventually(() => expect(Date.now()).toBeGreaterThan(moment.getTime()), { timeoutMs: 60_000, intervalMs: 100 });

  /**
   * Stops the running briefings service, then starts two replicas on the same database, broker and settings: from
   * here on every reminder is raced for by two schedulers, and must still fire once.
   */
  async function restartBriefings(whileDown: () => Promise<void>): Promise<void> {
    const [old] = rasad.services;
    await old.close();
    rasad.services.splice(0, 1);
    await whileDown();
    const replicas: INestMicroservice[] = await Promise.all([briefings(common), briefings(common)]);
    rasad.services.push(...replicas);
    await Promise.all(replicas.map((replica) => replica.listen()));
  }

  it('fires once per invitation and offset, across a restart; one due while down fires unless it has started', async () => {
    const [p1, p2] = await people(2);
    const t0 = Date.now();
    // A's reminders are due at t0+20 (fired while up) and t0+30 (while down: fires on return, before A starts).
    // B's at t0+14 (fired while up) and t0+24 (while down), and B starts at t0+34, before the service is back.
    const a = await session(at(t0, 40));
    const b = await session(at(t0, 34));
    const invitedA = await invite(a, [p1, p2]);
    const invitedB = await invite(b, [p1]);

    // Planned from the briefings service's own invitation events.
    await eventually(async () =>
      expect(await statuses(a)).toEqual(['10@0:pending', '10@0:pending', '20@0:pending', '20@0:pending']),
    );
    await eventually(async () => expect(await statuses(b)).toEqual(['10@0:pending', '20@0:pending']));
    const [row] = await reminders(a);
    expect(row.due_at).toEqual(at(t0, 40 - FIRST));

    await eventually(
      async () => expect(await statuses(a)).toEqual(['10@0:pending', '10@0:pending', '20@0:fired', '20@0:fired']),
      {
        timeoutMs: 30_000,
      },
    );
    expect(await statuses(b)).toEqual(['10@0:pending', '20@0:fired']);

    await restartBriefings(async () => {
      await untilPast(at(t0, 34.5));
      expect(await statuses(a)).toEqual(['10@0:pending', '10@0:pending', '20@0:fired', '20@0:fired']);
    });

    await eventually(async () =>
      expect(await statuses(a)).toEqual(['10@0:fired', '10@0:fired', '20@0:fired', '20@0:fired']),
    );
    await eventually(async () => expect(await statuses(b)).toEqual(['10@0:missed', '20@0:fired']));

    const events = await eventually(async () => {
      const found = await dueEvents(a);
      expect(found).toHaveLength(4);
      return found;
    });
    const fired = events.map((e) => `${e.payload.invitationId}/${e.payload.offsetSeconds}`).sort();
    expect(fired).toEqual(
      [
        `${invitedA[p1]}/${FIRST}`,
        `${invitedA[p1]}/${SECOND}`,
        `${invitedA[p2]}/${FIRST}`,
        `${invitedA[p2]}/${SECOND}`,
      ].sort(),
    );
    const onB = await dueEvents(b);
    expect(onB.map((e) => [e.payload.invitationId, e.payload.offsetSeconds])).toEqual([[invitedB[p1], FIRST]]);
    expect(events[0]).toMatchObject({
      aggregateId: a,
      producer: 'briefings',
      payload: { personnelId: expect.any(String), session: { id: a, status: 'scheduled', sequence: 0 } },
    });
    // Every row has left `pending`, and a settled row never fires: nothing more can come, from either instance.
    const { rows } = await db.query(`select count(*)::int as n from briefings.reminder where status = 'pending'`);
    expect(rows[0].n).toBe(0);
  }, 120_000);

  // After the restart above, two replicas race for these reminders.
  it('re-plans on reschedule, drops the reminders of a cancelled session and a declined invitation', async () => {
    const [p1, p2] = await people(2);
    const t0 = Date.now();
    const moved = await session(at(t0, 60));
    const cancelled = await session(at(t0, 30));
    const answered = await session(at(t0, 30));
    const invitedMoved = await invite(moved, [p1]);
    await invite(cancelled, [p1, p2]);
    const invitedAnswered = await invite(answered, [p1, p2]);
    await eventually(async () => {
      expect(await statuses(moved)).toEqual(['10@0:pending', '20@0:pending']);
      expect(await statuses(cancelled)).toHaveLength(4);
      expect(await statuses(answered)).toHaveLength(4);
    });

    const newStart = at(t0, 28);
    const rescheduled = await api.post(`/api/v1/briefings/${moved}/reschedule`, {
      startsAt: newStart.toISOString(),
      endsAt: new Date(newStart.getTime() + 3600_000).toISOString(),
      reason: 'Hall needed earlier',
    });
    expect(rescheduled.status).toBe(200);
    expect((await api.post(`/api/v1/briefings/${cancelled}/cancel`, { reason: 'Presenter on leave' })).status).toBe(
      200,
    );
    const declined = await api.patch(`/api/v1/briefings/${answered}/invitations/${invitedAnswered[p2]}`, {
      status: 'declined',
      reason: 'On leave that day',
    });
    expect(declined.status).toBe(200);

    await eventually(async () => {
      expect(await statuses(moved)).toEqual(['10@0:dropped', '10@1:pending', '20@0:dropped', '20@1:pending']);
      expect(await statuses(cancelled)).toEqual(['10@0:dropped', '10@0:dropped', '20@0:dropped', '20@0:dropped']);
      const rows = await reminders(answered);
      expect(rows.filter((r) => r.invitation_id === invitedAnswered[p2]).map((r) => r.status)).toEqual([
        'dropped',
        'dropped',
      ]);
      expect(rows.filter((r) => r.invitation_id === invitedAnswered[p1]).map((r) => r.status)).toEqual([
        'pending',
        'pending',
      ]);
    });
    const newRows = (await reminders(moved)).filter((r) => r.session_sequence === 1);
    expect(newRows.map((r) => r.due_at)).toEqual([at(t0, 28 - FIRST), at(t0, 28 - SECOND)]);

    // Past every due time of all three: only the moved session (at its new times) and the seat kept fire.
    await untilPast(at(t0, 20.5));
    await eventually(
      async () => {
        expect(await statuses(moved)).toEqual(['10@0:dropped', '10@1:fired', '20@0:dropped', '20@1:fired']);
        expect((await dueEvents(answered)).map((e) => e.payload.invitationId)).toEqual([
          invitedAnswered[p1],
          invitedAnswered[p1],
        ]);
      },
      { timeoutMs: 15_000 },
    );
    const onMoved = await dueEvents(moved);
    expect(onMoved.map((e) => [e.payload.invitationId, e.payload.offsetSeconds])).toEqual([
      [invitedMoved[p1], FIRST],
      [invitedMoved[p1], SECOND],
    ]);
    expect(onMoved[0].payload.session).toMatchObject({ startsAt: newStart.toISOString(), sequence: 1 });
    expect(await dueEvents(cancelled)).toEqual([]);
    const { rows } = await db.query(`select count(*)::int as n from briefings.dead_letter`);
    expect(rows[0].n).toBe(0);
  }, 90_000);
});
