import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AttendanceView,
  AttendedTopicsView,
  BriefingTopic,
  CallerScope,
  DomainError,
  EventSubjects,
  RollCallMessage,
  RollCallResultView,
} from '@rasad/contracts';
import { missingBriefingTopics } from '@rasad/duty-assignments';
import { Outbox, uuidArray } from '@rasad/messaging';
import { findSession } from '../sessions/session-lookup';
import { ensureAttendable } from '../sessions/session-rules';
import { personInDistricts, resolveNamedPeople } from '../shared/people-in-scope';
import { rollCallEntries, rollCallPeople } from './roll-call';

interface AttendanceRow {
  session_id: string;
  personnel_id: string;
  status: AttendanceView['status'];
  coc_acknowledged_at: Date | null;
  recorded_at: Date;
}

interface AttendedRow {
  session_id: string;
  ends_at: Date;
  topics: BriefingTopic[];
  coc_acknowledged_at: Date | null;
}

/**
 * Roll calls and what they prove. Anyone serving in the caller's districts may be marked, invited or not: people
 * walk into a briefing hall with a colleague's invitation, and the roll call records who was there.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  async record(message: RollCallMessage, scope: CallerScope): Promise<RollCallResultView> {
    const now = new Date();
    return this.em.transactional(async (em) => {
      const session = await findSession(em, message.id, scope, true);
      ensureAttendable(session, now);
      const personnelIds = await resolveNamedPeople(em, rollCallPeople(message.entries), scope.districtIds);
      const entries = rollCallEntries(
        message.entries.map((entry, n) => ({ ...entry, personnelId: personnelIds[n] })),
        now,
      );
      const rows = await em.execute<AttendanceRow[]>(
        `insert into briefings.attendance (session_id, personnel_id, status, coc_acknowledged_at, recorded_at)
         select ?, e."personnelId", e.status, e."codeOfConductAcknowledgedAt", ?
         from jsonb_to_recordset(?::jsonb) as e("personnelId" uuid, status text, "codeOfConductAcknowledgedAt" timestamptz)
         on conflict (session_id, personnel_id) do update set status = excluded.status,
           coc_acknowledged_at = excluded.coc_acknowledged_at, recorded_at = excluded.recorded_at
         returning *`,
        [session.id, now, JSON.stringify(entries)],
      );
      this.outbox.record(em, EventSubjects.attendanceRecorded, session.id, {
        sessionId: session.id,
        districtId: session.districtId,
        topics: session.topics,
        endsAt: session.endsAt.toISOString(),
        entries,
      });
      await em.flush();
      return { sessionId: session.id, entries: rows.map(attendanceView) };
    });
  }

  async list(id: string, scope: CallerScope): Promise<AttendanceView[]> {
    await findSession(this.em, id, scope);
    const rows = await this.em.execute<AttendanceRow[]>(
      'select * from briefings.attendance where session_id = ? order by personnel_id',
      [id],
    );
    return rows.map(attendanceView);
  }

  /**
   * The sessions a person serving in the caller's districts was present at (sessions of those districts that were
   * not cancelled), their topics and latest acknowledgement. Anyone else is 404, as if they did not exist.
   */
  async attendedTopics(personnelId: string, scope: CallerScope): Promise<AttendedTopicsView> {
    if (!(await personInDistricts(this.em, personnelId, scope.districtIds))) {
      throw DomainError.notFound('personnel', personnelId);
    }
    const rows = await this.em.execute<AttendedRow[]>(
      `select s.id as session_id, s.ends_at, s.topics, a.coc_acknowledged_at
       from briefings.attendance a join briefings.session s on s.id = a.session_id
       where a.personnel_id = ? and a.status = 'present' and s.status <> 'cancelled'
         and (?::uuid[] is null or s.district_id = any(?::uuid[]))
       order by s.ends_at, s.id`,
      [personnelId, uuidArray(scope.districtIds), uuidArray(scope.districtIds)],
    );
    const topics = [...new Set(rows.flatMap((row) => row.topics))].sort();
    const acknowledgements = rows
      .map((row) => row.coc_acknowledged_at)
      .filter((at): at is Date => at !== null)
      .map((at) => new Date(at).getTime());
    return {
      personnelId,
      topics,
      missingRequiredTopics: missingBriefingTopics(topics),
      codeOfConductAcknowledgedAt:
        acknowledgements.length > 0 ? new Date(Math.max(...acknowledgements)).toISOString() : null,
      sessions: rows.map((row) => ({
        sessionId: row.session_id,
        endsAt: new Date(row.ends_at).toISOString(),
        topics: row.topics,
      })),
    };
  }
}

function attendanceView(row: AttendanceRow): AttendanceView {
  return {
    sessionId: row.session_id,
    personnelId: row.personnel_id,
    status: row.status,
    codeOfConductAcknowledgedAt: row.coc_acknowledged_at ? new Date(row.coc_acknowledged_at).toISOString() : null,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
