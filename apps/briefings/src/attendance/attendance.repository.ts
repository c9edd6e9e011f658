import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AttendanceView, BriefingTopic } from '@rasad/contracts';
import { uuidArray } from '@rasad/messaging';
import { AttendanceEntry } from './roll-call';

interface AttendanceRecord {
  session_id: string;
  personnel_id: string;
  status: AttendanceView['status'];
  coc_acknowledged_at: Date | null;
  recorded_at: Date;
}

/** A session a person was present at. */
export interface AttendedSession {
  sessionId: string;
  endsAt: Date;
  topics: BriefingTopic[];
  codeOfConductAcknowledgedAt: Date | null;
}

/** attendance's SQL. */
@Injectable()
export class AttendanceRepository {
  /** Records the roll call's entries at `recordedAt`, each replacing what was recorded of that person before. */
  async record(
    em: EntityManager,
    sessionId: string,
    entries: readonly AttendanceEntry[],
    recordedAt: Date,
  ): Promise<AttendanceView[]> {
    const rows = await em.execute<AttendanceRecord[]>(
      `insert into briefings.attendance (session_id, personnel_id, status, coc_acknowledged_at, recorded_at)
       select ?, e."personnelId", e.status, e."codeOfConductAcknowledgedAt", ?
       from jsonb_to_recordset(?::jsonb) as e("personnelId" uuid, status text, "codeOfConductAcknowledgedAt" timestamptz)
       on conflict (session_id, personnel_id) do update set status = excluded.status,
         coc_acknowledged_at = excluded.coc_acknowledged_at, recorded_at = excluded.recorded_at
       returning *`,
      [sessionId, recordedAt, JSON.stringify(entries)],
    );
    return rows.map(attendanceView);
  }

  async ofSession(em: EntityManager, sessionId: string): Promise<AttendanceView[]> {
    const rows = await em.execute<AttendanceRecord[]>(
      'select * from briefings.attendance where session_id = ? order by personnel_id',
      [sessionId],
    );
    return rows.map(attendanceView);
  }

  /** Sessions of `districts` (null: every district), not cancelled, that the person was present at, by their end. */
  async attended(
    em: EntityManager,
    personnelId: string,
    districts: readonly string[] | null,
  ): Promise<AttendedSession[]> {
    const rows = await em.execute<
      { session_id: string; ends_at: Date; topics: BriefingTopic[]; coc_acknowledged_at: Date | null }[]
    >(
      `select s.id as session_id, s.ends_at, s.topics, a.coc_acknowledged_at
       from briefings.attendance a join briefings.session s on s.id = a.session_id
       where a.personnel_id = ? and a.status = 'present' and s.status <> 'cancelled'
         and (?::uuid[] is null or s.district_id = any(?::uuid[]))
       order by s.ends_at, s.id`,
      [personnelId, uuidArray(districts), uuidArray(districts)],
    );
    return rows.map((row) => ({
      sessionId: row.session_id,
      endsAt: new Date(row.ends_at),
      topics: row.topics,
      codeOfConductAcknowledgedAt: row.coc_acknowledged_at ? new Date(row.coc_acknowledged_at) : null,
    }));
  }
}

function attendanceView(row: AttendanceRecord): AttendanceView {
  return {
    sessionId: row.session_id,
    personnelId: row.personnel_id,
    status: row.status,
    codeOfConductAcknowledgedAt: row.coc_acknowledged_at ? new Date(row.coc_acknowledged_at).toISOString() : null,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
