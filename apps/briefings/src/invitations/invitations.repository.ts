import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, pageRows } from '@rasad/common';
import { AudienceSelector, InvitationView, ListInvitationsMessage, Page } from '@rasad/contracts';
import { uuidArray, wordArray } from '@rasad/messaging';
import { SEATED_SQL } from '../shared/seats.sql';
import { RankedPerson } from './fill-result';
import { FILL_SQL, fillParams } from './fill.sql';

/**
 * Invitations as the API shows them, with the person's name, rank and service number from the roster projection.
 * Only people briefings knows are ever invited (by fill or by resolving the request's references), so each has one.
 */
const SELECT_VIEW = `
  select i.id, i.session_id, i.personnel_id, p.name as person_name, p.rank, p.service_number, i.status,
    i.status_reason, i.created_at, i.updated_at
  from briefings.invitation i join briefings.personnel p on p.id = i.personnel_id`;

/** A session's invitations are read by the invitee's name, as a roll is; the id breaks ties between namesakes. */
const INVITATION_ORDER: ListOrder = {
  keys: {
    name: 'person_name',
    serviceNumber: 'service_number',
    status: 'status',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  natural: 'name',
};

interface InvitationRecord {
  id: string;
  session_id: string;
  personnel_id: string;
  person_name: string;
  rank: InvitationView['personnel']['rank'];
  service_number: string;
  status: InvitationView['status'];
  status_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

/** invitation's SQL. Seats are held by the database: a trigger counts them, a check refuses too many. */
@Injectable()
export class InvitationsRepository {
  /**
   * Invites the people to the session: new invitations, and declined or cancelled ones reopened; those invited or
   * confirmed already are left as they are. The invitations opened.
   */
  async open(
    em: EntityManager,
    sessionId: string,
    personnelIds: readonly string[],
  ): Promise<{ invitationId: string; personnelId: string }[]> {
    const rows = await em.execute<{ id: string; personnel_id: string }[]>(
      `insert into briefings.invitation (id, session_id, personnel_id, status)
       select briefings.uuid_v7(), ?, person, 'invited' from unnest(?::uuid[]) as person
       on conflict (session_id, personnel_id) do update
         set status = 'invited', status_reason = null, updated_at = now()
         where briefings.invitation.status in ('declined', 'cancelled')
       returning id, personnel_id`,
      [sessionId, uuidArray(personnelIds)],
    );
    return rows.map((row) => ({ invitationId: row.id, personnelId: row.personnel_id }));
  }

  /**
   * Fills the session's `seats` from the eligible people the selector picks (see FILL_SQL): all of them ranked by
   * their earliest qualifying duty, those invited now with their invitation. The caller holds the session's lock.
   */
  async fill(em: EntityManager, sessionId: string, seats: number, selector: AudienceSelector): Promise<RankedPerson[]> {
    const rows = await em.execute<
      { personnel_id: string; first_duty: Date; total: number; invitation_id: string | null }[]
    >(FILL_SQL, [fillParams(sessionId, seats, selector)]);
    return rows.map((row) => ({
      personnelId: row.personnel_id,
      firstDuty: new Date(row.first_duty),
      total: row.total,
      invitationId: row.invitation_id,
    }));
  }

  /**
   * A page of the session's invitations, by name unless sorted, of the statuses asked for; cancelled ones (seats
   * given back) only when asked.
   */
  list(em: EntityManager, query: ListInvitationsMessage): Promise<Page<InvitationView>> {
    const conditions = ['i.session_id = ?'];
    const params: unknown[] = [query.sessionId];
    if (query.status) {
      conditions.push('i.status = any(?::text[])');
      params.push(wordArray(query.status));
    }
    if (!query.includeCancelled && !query.status?.includes('cancelled')) {
      conditions.push("i.status <> 'cancelled'");
    }
    return pageRows(
      em,
      { sql: `${SELECT_VIEW} where ${conditions.join(' and ')}`, params },
      query,
      invitationView,
      INVITATION_ORDER,
    );
  }

  /** The invitations of these people to the session, by id. */
  async views(em: EntityManager, sessionId: string, personnelIds: readonly string[]): Promise<InvitationView[]> {
    const rows = await em.execute<InvitationRecord[]>(
      `${SELECT_VIEW} where i.session_id = ? and i.personnel_id = any(?::uuid[]) order by i.id`,
      [sessionId, uuidArray(personnelIds)],
    );
    return rows.map(invitationView);
  }

  /** The session's seats, and how many of these people hold one of them. */
  async seats(
    em: EntityManager,
    sessionId: string,
    personnelIds: readonly string[],
  ): Promise<{ capacity: number; seatsTaken: number; seated: number }> {
    const [row] = await em.execute<{ capacity: number; seats_taken: number; seated: number }[]>(
      `select s.capacity, s.seats_taken,
         (select count(*)::int from briefings.invitation i
          where i.session_id = s.id and i.personnel_id = any(?::uuid[]) and i.status in ${SEATED_SQL}) as seated
       from briefings.session s where s.id = ?`,
      [uuidArray(personnelIds), sessionId],
    );
    return { capacity: row.capacity, seatsTaken: row.seats_taken, seated: row.seated };
  }
}

function invitationView(row: InvitationRecord): InvitationView {
  return {
    id: row.id,
    sessionId: row.session_id,
    personnelId: row.personnel_id,
    personnel: { name: row.person_name, rank: row.rank, serviceNumber: row.service_number },
    status: row.status,
    statusReason: row.status_reason,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
