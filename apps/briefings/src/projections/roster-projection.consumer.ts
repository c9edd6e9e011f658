import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AssignmentCancelledEvent,
  AssignmentChangedEvent,
  AssignmentEvent,
  PersonnelEvent,
  PostEvent,
  RosterEvents,
} from '@rasad/contracts';
import { EventEnvelope } from '@rasad/contracts';
import { OnEvent } from '@rasad/messaging';
import { DutyRelease } from './duty-release.service';
import { ProjectionsRepository } from './projections.repository';

type Envelope = EventEnvelope<unknown>;

/** Keeps briefings' copy of the roster: who exists, where posts are, who is on duty when. */
@Injectable()
export class RosterProjectionConsumer {
  constructor(
    private readonly release: DutyRelease,
    private readonly projections: ProjectionsRepository,
  ) {}

  @OnEvent(RosterEvents.personnelRegistered, RosterEvents.personnelUpdated)
  async personnel(person: PersonnelEvent, _envelope: Envelope, em: EntityManager): Promise<void> {
    await this.projections.upsertPersonnel(em, person);
  }

  @OnEvent(RosterEvents.postCreated, RosterEvents.postUpdated)
  async post(post: PostEvent, _envelope: Envelope, em: EntityManager): Promise<void> {
    await this.projections.upsertPost(em, post);
  }

  /** A new duty makes its person eligible for the next fill, and takes back a seat at a briefing it overlaps. */
  @OnEvent(RosterEvents.assignmentCreated)
  async assignmentCreated(duty: AssignmentEvent, _envelope: Envelope, em: EntityManager): Promise<void> {
    await this.projections.upsertDuty(em, duty);
    await this.release.releaseClashes(em, duty);
  }

  @OnEvent(RosterEvents.assignmentChanged)
  async assignmentChanged(change: AssignmentChangedEvent, _envelope: Envelope, em: EntityManager): Promise<void> {
    await this.projections.upsertDuty(em, change.after);
    await this.release.release(em, change.before);
    await this.release.releaseClashes(em, change.after);
  }

  @OnEvent(RosterEvents.assignmentCancelled)
  async assignmentCancelled(duty: AssignmentCancelledEvent, _envelope: Envelope, em: EntityManager): Promise<void> {
    await this.projections.upsertDuty(em, duty);
    await this.release.release(em, duty);
  }
}
