import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AnswerInvitationMessage,
  BriefingsEvents,
  CallerScope,
  DomainError,
  ErrorCode,
  InvitationView,
  InviteMessage,
  ListInvitationsMessage,
  Page,
} from '@rasad/contracts';
import { Outbox } from '@rasad/messaging';
import { sessionEvent } from '../sessions/briefing-session.entity';
import { findSession } from '../sessions/session-lookup';
import { ensureOpenForInvitations } from '../sessions/session-rules';
import { NamedRef, namedPeople } from '../shared/people-in-scope';
import { PeopleRepository } from '../shared/people.repository';
import { briefingFull, isSeatsViolation } from '../shared/seats';
import { answerInvitation } from './invitation-answer';
import { Invitation } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';

/** Manual invitations, their answers and the list. Seats are held by the database (see the base migration). */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly people: PeopleRepository,
    private readonly invitations: InvitationsRepository,
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
        const opened = await this.invitations.open(em, session.id, personnelIds);
        const event = sessionEvent(session);
        await this.outbox.insertMany(
          em,
          opened.map((invitation) => ({
            subject: BriefingsEvents.invitationCreated,
            aggregateId: session.id,
            payload: { ...invitation, status: 'invited', session: event },
          })),
        );
        return this.invitations.views(em, session.id, personnelIds);
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
    return this.invitations.list(this.em, query);
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
          this.outbox.record(em, BriefingsEvents.invitationCancelled, session.id, {
            invitationId: invitation.id,
            personnelId: invitation.personnelId,
            status: outcome.status,
            reason: outcome.cancelledBecause,
            session: sessionEvent(session),
          });
        }
        await em.flush();
      }
      const [view] = await this.invitations.views(em, session.id, [invitation.personnelId]);
      return view;
    });
  }

  private async fullError(sessionId: string, personnelIds: string[]): Promise<DomainError> {
    const seats = await this.invitations.seats(this.em.fork(), sessionId, personnelIds);
    return briefingFull(sessionId, seats, personnelIds.length - seats.seated);
  }
}

/** Everyone the request names, each with the field that names them. */
function invitees({ personnelIds = [], serviceNumbers = [] }: InviteMessage): NamedRef[] {
  return [
    ...personnelIds.map((personnelId, n) => ({ ref: { personnelId }, field: `personnelIds[${n}]` })),
    ...serviceNumbers.map((serviceNumber, n) => ({ ref: { serviceNumber }, field: `serviceNumbers[${n}]` })),
  ];
}
