import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, pageRows } from '@rasad/common';
import { AttendanceListItemView, AttendanceView, BriefingTopic, ListAttendanceMessage, Page } from '@rasad/contracts';
import { uuidArray, wordArray } from '@rasad/messaging';
import { AttendanceEntry } from './roll-call';

interface AttendanceRecord {
  session_id: string;
  personnel_id: string;
  status: AttendanceView['status'];
  coc_acknowledged_at: Date | null;
  recorded_at: Date;
}

/** A roll-call entry with its person; a session has one entry per person, so the person's id is the entry's. */
interface AttendanceListRecord extends AttendanceRecord {
  id: string;
  person_name: string;
  rank: AttendanceListItemView['personnel']['rank'];
  service_number: string;
}

/**
 * A session's roll call is read in the order people were marked (`recordedAt`: a roll call taken as they arrive
 * marks them one after another; one roll call marks all its entries at once, the id then breaking ties).
 */
const ATTENDANCE_ORDER: ListOrder = {
  keys: {
    recordedAt: 'recorded_at',
    name: 'person_name',
    serviceNumber: 'service_number',
    status: 'status',
    acknowledgedAt: 'coc_acknowledged_at',
  },
  natural: 'recordedAt',
};

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

  /**
   * A page of the session's roll call, each entry with its person's name, rank and service number (a roll call takes
   * only people briefings knows, so each has them).
   */
  list(em: EntityManager, query: ListAttendanceMessage): Promise<Page<AttendanceListItemView>> {
    const conditions = ['a.session_id = ?'];
    const params: unknown[] = [query.sessionId];
    if (query.status) {
      conditions.push('a.status = any(?::text[])');
      params.push(wordArray(query.status));
    }
    const sql = `select a.personnel_id as id, a.session_id, a.personnel_id, a.status, a.coc_acknowledged_at,
        a.recorded_at, p.name as person_name, p.rank, p.service_number
      from briefings.attendance a join briefings.personnel p on p.id = a.personnel_id
      where ${conditions.join(' and ')}`;
    return pageRows(em, { sql, params }, query, attendanceListItem, ATTENDANCE_ORDER);
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

function attendanceListItem(row: AttendanceListRecord): AttendanceListItemView {
  return {
    ...attendanceView(row),
    personnel: { name: row.person_name, rank: row.rank, serviceNumber: row.service_number },
  };
}
