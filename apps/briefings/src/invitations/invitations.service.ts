import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AnswerInvitationMessage,
  CallerScope,
  DEFAULT_PAGE_SIZE,
  DomainError,
  ErrorCode,
  EventSubjects,
  InvitationView,
  InviteMessage,
  ListInvitationsMessage,
  Page,
} from '@rasad/contracts';
import { Outbox, uuidArray } from '@rasad/messaging';
import { sessionEvent } from '../sessions/briefing-session.entity';
import { findSession } from '../sessions/session-lookup';
import { ensureOpenForInvitations } from '../sessions/session-rules';
import { NamedRef, namedPeople } from '../shared/people-in-scope';
import { PeopleRepository } from '../shared/people.repository';
import { briefingFull, isSeatsViolation } from '../shared/seats';
import { answerInvitation } from './invitation-answer';
import { Invitation } from './invitation.entity';
import { InvitationRow, SELECT_VIEW, rowView } from './invitation-rows';

/** Manual invitations, their answers and the list. Seats are held by the database (see the base migration). */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly people: PeopleRepository,
  ) {}

  /**
   * All or nothing: everyone, named by id or service number, must serve in the session's district, and the seats must
   * suffice for those not already seated. A declined or cancelled invitation is reopened. The seat check is the database's, not a count read here.
   */
  async invite(message: InviteMessage, scope: CallerScope): Promise<InvitationView[]> {
    let personnelIds: string[] = [];
    try {
      return await this.em.transactional(async (em) => {
        const session = await findSession(em, message.id, scope);
        ensureOpenForInvitations(session, new Date());
        // The session is in the caller's districts, so people of its district are the caller's too.
        const named = invitees(message);
        personnelIds = [...new Set(namedPeople(named, await this.people.resolve(em, named, [session.districtId])))];
        const opened = await em.execute<{ id: string; personnel_id: string }[]>(
          `insert into briefings.invitation (id, session_id, personnel_id, status)
           select briefings.uuid_v7(), ?, person, 'invited' from unnest(?::uuid[]) as person
           on conflict (session_id, personnel_id) do update
             set status = 'invited', status_reason = null, updated_at = now()
             where briefings.invitation.status in ('declined', 'cancelled')
           returning id, personnel_id`,
          [session.id, uuidArray(personnelIds)],
        );
        const event = sessionEvent(session);
        await this.outbox.insertMany(
          em,
          opened.map((row) => ({
            subject: EventSubjects.invitationCreated,
            aggregateId: session.id,
            payload: { invitationId: row.id, personnelId: row.personnel_id, status: 'invited', session: event },
          })),
        );
        return this.views(em, session.id, personnelIds);
      });
    } catch (error) {
      if (isSeatsViolation(error)) {
        throw await this.fullError(message.id, personnelIds);
      }
      throw error;
    }
  }

  async list(query: ListInvitationsMessage, scope: CallerScope): Promise<Page<InvitationView>> {
    await findSession(this.em, query.sessionId, scope);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.em.execute<InvitationRow[]>(
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
    const items = (more ? rows.slice(0, limit) : rows).map(rowView);
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }

  async answer(message: AnswerInvitationMessage, scope: CallerScope): Promise<InvitationView> {
    return this.em.transactional(async (em) => {
      const session = await findSession(em, message.sessionId, scope);
      const invitation = await em.findOne(Invitation, { id: message.invitationId, sessionId: session.id });
      if (!invitation) {
        throw DomainError.notFound('invitation', message.invitationId);
      }
      if (session.status !== 'scheduled') {
        throw new DomainError(
          ErrorCode.InvalidState,
          `briefing ${session.id} is ${session.status}: invitations are closed`,
        );
      }
      const outcome = answerInvitation(invitation, message);
      if (outcome) {
        em.assign(invitation, { status: outcome.status, statusReason: outcome.statusReason });
        if (outcome.cancelledBecause) {
          this.outbox.record(em, EventSubjects.invitationCancelled, session.id, {
            invitationId: invitation.id,
            personnelId: invitation.personnelId,
            status: outcome.status,
            reason: outcome.cancelledBecause,
            session: sessionEvent(session),
          });
        }
        await em.flush();
      }
      const [view] = await this.views(em, session.id, [invitation.personnelId]);
      return view;
    });
  }

  private async fullError(sessionId: string, personnelIds: string[]): Promise<DomainError> {
    const [row] = await this.em.fork().execute<{ capacity: number; seats_taken: number; seated: number }[]>(
      `select s.capacity, s.seats_taken,
         (select count(*)::int from briefings.invitation i
          where i.session_id = s.id and i.personnel_id = any(?::uuid[]) and i.status in ('invited', 'confirmed')) as seated
       from briefings.session s where s.id = ?`,
      [uuidArray(personnelIds), sessionId],
    );
    return briefingFull(
      sessionId,
      { capacity: row.capacity, seatsTaken: row.seats_taken },
      personnelIds.length - row.seated,
    );
  }

  private async views(em: EntityManager, sessionId: string, personnelIds: string[]): Promise<InvitationView[]> {
    const rows = await em.execute<InvitationRow[]>(
      `${SELECT_VIEW} where i.session_id = ? and i.personnel_id = any(?::uuid[]) order by i.id`,
      [sessionId, uuidArray(personnelIds)],
    );
    return rows.map(rowView);
  }
}

/** Everyone the request names, each with the field that names them. */
function invitees({ personnelIds = [], serviceNumbers = [] }: InviteMessage): NamedRef[] {
  return [
    ...personnelIds.map((personnelId, n) => ({ ref: { personnelId }, field: `personnelIds[${n}]` })),
    ...serviceNumbers.map((serviceNumber, n) => ({ ref: { serviceNumber }, field: `serviceNumbers[${n}]` })),
  ];
}
