import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AudienceSelector, DEFAULT_PAGE_SIZE, InvitationView, ListInvitationsMessage, Page } from '@rasad/contracts';
import { uuidArray } from '@rasad/messaging';
import { SEATED_SQL } from '../shared/seats.sql';
import { RankedPerson } from './fill-result';
import { FILL_SQL, fillParams } from './fill.sql';

/** Invitations as the API shows them, with the person's name from the roster projection. */
const SELECT_VIEW = `
  select i.id, i.session_id, i.personnel_id, coalesce(p.name, '') as personnel_name, i.status, i.status_reason,
    i.created_at, i.updated_at
  from briefings.invitation i left join briefings.personnel p on p.id = i.personnel_id`;

interface InvitationRecord {
  id: string;
  session_id: string;
  personnel_id: string;
  personnel_name: string;
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

  /** A page of the session's invitations, by id, optionally of one status. */
  async list(em: EntityManager, query: ListInvitationsMessage): Promise<Page<InvitationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await em.execute<InvitationRecord[]>(
      `${SELECT_VIEW} where i.session_id = ? and (?::text is null or i.status = ?) and (?::uuid is null or i.id > ?)
       order by i.id limit ?`,
      [
        query.sessionId,
        query.status ?? null,
        query.status ?? null,
        query.cursor ?? null,
        query.cursor ?? null,
        limit + 1,
      ],
    );
    const more = rows.length > limit;
    const items = (more ? rows.slice(0, limit) : rows).map(invitationView);
    return { items, nextCursor: more ? items[items.length - 1].id : null };
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
    personnelName: row.personnel_name,
    status: row.status,
    statusReason: row.status_reason,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
