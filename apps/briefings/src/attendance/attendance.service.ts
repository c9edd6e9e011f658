import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AttendanceListItemView,
  AttendedTopicsView,
  BriefingsEvents,
  CallerScope,
  DomainError,
  ListAttendanceMessage,
  Page,
  RollCallMessage,
  RollCallResultView,
} from '@rasad/contracts';
import { missingBriefingTopics } from '@rasad/duty-assignments';
import { Outbox } from '@rasad/messaging';
import { findSession } from '../sessions/session-lookup';
import { ensureAttendable } from '../sessions/session-rules';
import { namedPeople } from '../shared/people-in-scope';
import { PeopleRepository } from '../shared/people.repository';
import { AttendanceRepository } from './attendance.repository';
import { rollCallEntries, rollCallPeople } from './roll-call';

/**
 * Roll calls and what they prove. Anyone serving in the caller's districts may be marked, invited or not: people
 * walk into a briefing hall with a colleague's invitation, and the roll call records who was there.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly attendance: AttendanceRepository,
    private readonly people: PeopleRepository,
  ) {}

  async record(message: RollCallMessage, scope: CallerScope): Promise<RollCallResultView> {
    const now = new Date();
    return this.em.transactional(async (em) => {
      const session = await findSession(em, message.id, scope, true);
      ensureAttendable(session, now);
      const named = rollCallPeople(message.entries);
      const personnelIds = namedPeople(named, await this.people.resolve(em, named, scope.districtIds));
      const entries = rollCallEntries(
        message.entries.map((entry, n) => ({ ...entry, personnelId: personnelIds[n] })),
        now,
      );
      const recorded = await this.attendance.record(em, session.id, entries, now);
      this.outbox.record(em, BriefingsEvents.attendanceRecorded, session.id, {
        sessionId: session.id,
        districtId: session.districtId,
        topics: session.topics,
        endsAt: session.endsAt.toISOString(),
        entries,
      });
      await em.flush();
      return { sessionId: session.id, entries: recorded };
    });
  }

  async list(query: ListAttendanceMessage, scope: CallerScope): Promise<Page<AttendanceListItemView>> {
    await findSession(this.em, query.sessionId, scope);
    return this.attendance.list(this.em, query);
  }

  /**
   * The sessions a person serving in the caller's districts was present at (sessions of those districts that were
   * not cancelled), their topics and latest acknowledgement. Anyone else is 404, as if they did not exist.
   */
  async attendedTopics(personnelId: string, scope: CallerScope): Promise<AttendedTopicsView> {
    if (!(await this.people.inDistricts(this.em, personnelId, scope.districtIds))) {
      throw DomainError.notFound('personnel', personnelId);
    }
    const rows = await this.attendance.attended(this.em, personnelId, scope.districtIds);
    const topics = [...new Set(rows.flatMap((row) => row.topics))].sort();
    const acknowledgements = rows
      .map((row) => row.codeOfConductAcknowledgedAt)
      .filter((at): at is Date => at !== null)
      .map((at) => at.getTime());
    return {
      personnelId,
      topics,
      missingRequiredTopics: missingBriefingTopics(topics),
      codeOfConductAcknowledgedAt:
        acknowledgements.length > 0 ? new Date(Math.max(...acknowledgements)).toISOString() : null,
      sessions: rows.map((row) => ({ sessionId: row.sessionId, endsAt: row.endsAt.toISOString(), topics: row.topics })),
    };
  }
}
