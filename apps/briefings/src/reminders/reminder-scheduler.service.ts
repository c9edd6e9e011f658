import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PollingWorker } from '@rasad/common';
import { BriefingsEvents } from '@rasad/contracts';
import { NewEvent, Outbox } from '@rasad/messaging';
import { BriefingsEnv } from '../briefings.env';
import { BriefingSession, sessionEvent } from '../sessions/briefing-session.entity';
import { ReminderPlanner } from './reminder-planner.service';
import { settleReminder } from './reminder-plan';
import { RemindersRepository } from './reminders.repository';

const BATCH = 500;

/**
 * Fires due reminders: each round of the shared PollingWorker (every REMINDER_POLL_MS, at once again after a full
 * batch) claims a batch in one transaction, settles each (fired, missed, dropped) and writes one
 * `evt.briefings.reminder.due.v1` per fired reminder to the outbox in that same transaction. The rows are the
 * schedule, so a restart loses nothing, and SKIP LOCKED lets replicas share it.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly worker: PollingWorker;

  constructor(
    private readonly orm: MikroORM,
    private readonly reminders: RemindersRepository,
    private readonly outbox: Outbox,
    private readonly planner: ReminderPlanner,
    env: BriefingsEnv,
  ) {
    this.worker = new PollingWorker({
      name: 'ReminderScheduler',
      round: () => this.fireBatch(),
      batchSize: BATCH,
      pollMs: env.REMINDER_POLL_MS,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.worker.start();
  }

  /**
   * The first thing to stop when the service shuts down, before the event relay and the ORM: no new round starts,
   * and the one in hand commits or rolls back first.
   */
  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }

  /** Settles one batch of due reminders; how many it claimed. */
  private fireBatch(): Promise<number> {
    return this.orm.em.fork().transactional(async (em) => {
      const due = await this.reminders.claimDue(em, BATCH);
      if (due.length === 0) {
        return 0;
      }
      const outcomes = due.map((reminder) => ({ reminder, status: settleReminder(reminder, this.planner.offsets) }));
      const fired = outcomes.filter((o) => o.status === 'fired').map((o) => o.reminder);
      const sessionIds = [...new Set(fired.map((reminder) => reminder.sessionId))];
      const sessions = new Map(
        (sessionIds.length > 0 ? await em.find(BriefingSession, { id: { $in: sessionIds } }) : []).map((s) => [
          s.id,
          sessionEvent(s),
        ]),
      );
      // Keyed by session, so a reminder and that session's reschedule or cancel reach consumers in order.
      const events: NewEvent[] = fired.map((reminder) => ({
        subject: BriefingsEvents.reminderDue,
        aggregateId: reminder.sessionId,
        payload: {
          reminderId: reminder.id,
          invitationId: reminder.invitationId,
          personnelId: reminder.personnelId,
          offsetSeconds: reminder.offsetSeconds,
          session: sessions.get(reminder.sessionId)!,
        },
      }));
      await this.reminders.settle(
        em,
        outcomes.map((o) => ({ id: o.reminder.id, status: o.status })),
      );
      await this.outbox.insertMany(em, events);
      return due.length;
    });
  }
}
