import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventSubjects } from '@rasad/contracts';
import { NewEvent, Outbox } from '@rasad/messaging';
import { BriefingsEnv } from '../briefings.env';
import { BriefingSession, sessionEvent } from '../sessions/briefing-session.entity';
import { ReminderPlanner } from './reminder-planner.service';
import { settleReminder } from './reminder-plan';
import { RemindersRepository } from './reminders.repository';

const BATCH = 500;

/**
 * Fires due reminders: every REMINDER_POLL_MS it claims a batch in one transaction, settles each (fired, missed,
 * dropped) and writes one `evt.briefings.reminder.due.v1` per fired reminder to the outbox in that same
 * transaction. The rows are the schedule, so a restart loses nothing, and SKIP LOCKED lets replicas share it.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReminderScheduler');
  private readonly pollMs: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly reminders: RemindersRepository,
    private readonly outbox: Outbox,
    private readonly planner: ReminderPlanner,
    env: BriefingsEnv,
  ) {
    this.pollMs = env.REMINDER_POLL_MS;
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.next(0);
  }

  /**
   * The first thing to stop when the service shuts down, before the event relay and the ORM: no new round starts,
   * and the one in hand commits or rolls back first.
   */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Fires every reminder that is due now, batch after batch; the number settled. */
  async fireDue(): Promise<number> {
    let total = 0;
    let settled: number;
    do {
      settled = await this.fireBatch();
      total += settled;
    } while (settled === BATCH && !this.stopped);
    return total;
  }

  private next(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.running = this.fireDue()
        .then(() => undefined)
        .catch((error: unknown) => {
          this.logger.warn(`reminders: ${(error as Error).message}; trying again on the next poll`);
        })
        .finally(() => {
          this.running = undefined;
          this.next(this.pollMs);
        });
    }, delayMs);
  }

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
        subject: EventSubjects.reminderDue,
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
