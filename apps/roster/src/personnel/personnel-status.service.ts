import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CallerScope, DeactivatePersonnelMessage, PersonnelView, RosterEvents } from '@rasad/contracts';
import { Outbox } from '@rasad/messaging';
import { DutyAssignment } from '../assignments/duty-assignment.entity';
import { PERSONNEL_DEACTIVATED, cancelDuty } from '../assignments/duty-cancellation';
import { Personnel, personnelEvent, personnelView } from './personnel.entity';
import { PersonnelService } from './personnel.service';

/**
 * People leave: deactivated, not deleted, so their history stays. Every duty of theirs that has not ended is
 * cancelled in the same transaction, one cancellation event each, which the notifier turns into notices and
 * briefings into released seats; the database refuses them any duty still to come (see the migration).
 */
@Injectable()
export class PersonnelStatusService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly personnel: PersonnelService,
  ) {}

  async deactivate({ id, reason }: DeactivatePersonnelMessage, scope: CallerScope): Promise<PersonnelView> {
    await this.personnel.findInScope(id, scope);
    return this.em.transactional(async (em) => {
      // Locked before the duties are read: a duty written meanwhile is either among them or refused afterwards.
      const person = await em.findOneOrFail(Personnel, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (person.deactivatedAt !== null) {
        return personnelView(person);
      }
      const now = new Date();
      person.deactivatedAt = now;
      person.deactivationReason = reason;
      const duties = await em.find(
        DutyAssignment,
        { personnelId: id, status: { $ne: 'cancelled' }, endsAt: { $gt: now } },
        { orderBy: { startsAt: 'asc' } },
      );
      for (const duty of duties) {
        cancelDuty(em, this.outbox, duty, PERSONNEL_DEACTIVATED);
      }
      this.outbox.record(em, RosterEvents.personnelUpdated, id, personnelEvent(person));
      return personnelView(person);
    });
  }

  /** Back on the roster; the duties cancelled when they left stay cancelled. */
  async reactivate(id: string, scope: CallerScope): Promise<PersonnelView> {
    const person = await this.personnel.findInScope(id, scope);
    if (person.deactivatedAt !== null) {
      person.deactivatedAt = null;
      person.deactivationReason = null;
      this.outbox.record(this.em, RosterEvents.personnelUpdated, id, personnelEvent(person));
      await this.em.flush();
    }
    return personnelView(person);
  }
}
