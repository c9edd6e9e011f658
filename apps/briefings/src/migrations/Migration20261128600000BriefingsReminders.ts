import { Migration } from '@mikro-orm/migrations';

/**
 * Reminders as rows with a due time. "Exactly once per invitation and offset" is the unique key (per version of
 * the session: a reschedule plans new rows under the new sequence); a row leaves `pending` once, to fired, missed
 * or dropped, and only a fired one has emitted `evt.briefings.reminder.due.v1`.
 */
export class Migration20261128600000BriefingsReminders extends Migration {
  override up(): void {
    this.addSql(`
      create table briefings.reminder (
        id uuid primary key default briefings.uuid_v7(),
        invitation_id uuid not null references briefings.invitation (id),
        session_id uuid not null references briefings.session (id),
        personnel_id uuid not null,
        offset_seconds integer not null constraint reminder_offset_positive check (offset_seconds > 0),
        session_sequence integer not null,
        due_at timestamptz not null,
        status text not null default 'pending'
          constraint reminder_status_known check (status in ('pending', 'fired', 'missed', 'dropped')),
        created_at timestamptz not null default now(),
        settled_at timestamptz,
        constraint reminder_once unique (invitation_id, offset_seconds, session_sequence),
        constraint reminder_settled check ((status = 'pending') = (settled_at is null))
      );`);
    // The scheduler's scan: only pending rows, earliest first.
    this.addSql(`create index reminder_pending_due_idx on briefings.reminder (due_at) where status = 'pending';`);
    this.addSql('create index reminder_session_idx on briefings.reminder (session_id);');
  }
}
