import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { InvitationStatus, SessionStatus } from '@rasad/contracts';
import { uuidArray } from '@rasad/messaging';
import { DueReminder, InvitationState, PlannedReminder, ReminderOutcome } from './reminder-plan';

export interface InvitationRow extends InvitationState {
  invitationId: string;
  sessionId: string;
  personnelId: string;
}

export type PlannedRow = PlannedReminder & Pick<InvitationRow, 'invitationId' | 'sessionId' | 'personnelId'>;

export interface DueRow extends DueReminder {
  id: string;
  invitationId: string;
  sessionId: string;
  personnelId: string;
}

interface StateRecord {
  invitation_id: string;
  session_id: string;
  personnel_id: string;
  invitation_status: InvitationStatus;
  session_status: SessionStatus;
  starts_at: Date;
  sequence: number;
}

interface DueRecord extends StateRecord {
  id: string;
  offset_seconds: number;
  session_sequence: number;
  started: boolean;
}

const STATE_COLUMNS = `i.id as invitation_id, i.session_id, i.personnel_id, i.status as invitation_status,
  s.status as session_status, s.starts_at, s.sequence`;

/** The reminder table's SQL. An id list travels as one uuid[] parameter, a row set as one JSON one: one statement each. */
@Injectable()
export class RemindersRepository {
  /** Plans for one session are made one at a time: two events about it cannot interleave their writes. */
  async lockSessionPlan(em: EntityManager, sessionId: string): Promise<void> {
    await em.execute(`select pg_advisory_xact_lock(hashtext('briefings.reminder'), hashtext(?))`, [sessionId]);
  }

  async invitationStates(
    em: EntityManager,
    of: { invitationId: string } | { sessionId: string },
  ): Promise<InvitationRow[]> {
    const [column, id] = 'invitationId' in of ? ['i.id', of.invitationId] : ['i.session_id', of.sessionId];
    const rows = await em.execute<StateRecord[]>(
      `select ${STATE_COLUMNS} from briefings.invitation i join briefings.session s on s.id = i.session_id
       where ${column} = ?`,
      [id],
    );
    return rows.map(stateOf);
  }

  /**
   * Makes the invitations' pending reminders exactly the plan: pending rows outside it are dropped, planned rows
   * are added once (the unique key holds a fired or missed one where it is), and a planned row that was dropped
   * earlier, say when a seat was given up and taken again, becomes pending again: it never fired.
   */
  async replacePlan(em: EntityManager, invitationIds: string[], planned: PlannedRow[]): Promise<void> {
    if (invitationIds.length === 0) {
      return;
    }
    const plan = JSON.stringify(
      planned.map((p) => ({
        invitation_id: p.invitationId,
        session_id: p.sessionId,
        personnel_id: p.personnelId,
        offset_seconds: p.offsetSeconds,
        session_sequence: p.sessionSequence,
        due_at: p.dueAt.toISOString(),
      })),
    );
    await em.execute(
      `update briefings.reminder r set status = 'dropped', settled_at = now()
       where r.status = 'pending'
         and r.invitation_id = any(?::uuid[])
         and not exists (
           select 1 from jsonb_to_recordset(?::jsonb) p(invitation_id uuid, offset_seconds int, session_sequence int)
           where p.invitation_id = r.invitation_id and p.offset_seconds = r.offset_seconds
             and p.session_sequence = r.session_sequence)`,
      [uuidArray(invitationIds), plan],
    );
    if (planned.length === 0) {
      return;
    }
    await em.execute(
      `insert into briefings.reminder (invitation_id, session_id, personnel_id, offset_seconds, session_sequence, due_at)
       select invitation_id, session_id, personnel_id, offset_seconds, session_sequence, due_at
       from jsonb_to_recordset(?::jsonb) p(invitation_id uuid, session_id uuid, personnel_id uuid,
         offset_seconds int, session_sequence int, due_at timestamptz)
       order by invitation_id, offset_seconds
       on conflict on constraint reminder_once do update
         set status = 'pending', due_at = excluded.due_at, settled_at = null
         where briefings.reminder.status = 'dropped'`,
      [plan],
    );
  }

  /**
   * Claims up to `limit` due reminders with the state of their invitation and session. Rows another replica holds
   * are skipped, and so are those whose invitation or session is being changed right now: they are taken on the
   * next poll, once that change has committed, so a reminder never fires past a cancel it did not see.
   */
  async claimDue(em: EntityManager, limit: number): Promise<DueRow[]> {
    const rows = await em.execute<DueRecord[]>(
      `select r.id, r.offset_seconds, r.session_sequence, ${STATE_COLUMNS}, s.starts_at <= now() as started
       from briefings.reminder r
       join briefings.invitation i on i.id = r.invitation_id
       join briefings.session s on s.id = r.session_id
       where r.status = 'pending' and r.due_at <= now()
       order by r.due_at
       limit ?
       for update of r skip locked
       for share of i, s skip locked`,
      [limit],
    );
    return rows.map((row) => ({
      ...stateOf(row),
      id: row.id,
      offsetSeconds: row.offset_seconds,
      sessionSequence: row.session_sequence,
      started: row.started,
    }));
  }

  async settle(em: EntityManager, outcomes: { id: string; status: ReminderOutcome }[]): Promise<void> {
    if (outcomes.length === 0) {
      return;
    }
    await em.execute(
      `update briefings.reminder r set status = u.status, settled_at = now()
       from jsonb_to_recordset(?::jsonb) u(id uuid, status text) where r.id = u.id`,
      [JSON.stringify(outcomes)],
    );
  }
}

function stateOf(row: StateRecord): InvitationRow {
  return {
    invitationId: row.invitation_id,
    sessionId: row.session_id,
    personnelId: row.personnel_id,
    invitationStatus: row.invitation_status,
    sessionStatus: row.session_status,
    startsAt: new Date(row.starts_at),
    sequence: row.sequence,
  };
}
