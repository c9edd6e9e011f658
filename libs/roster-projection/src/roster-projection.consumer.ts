import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  AssignmentCancelledEvent,
  AssignmentChangedEvent,
  AssignmentEvent,
  PersonnelEvent,
  PostEvent,
  RosterEvents,
} from '@rasad/contracts';
import { EventOf, OnEventBatch } from '@rasad/messaging';
import { DutyEvent, dutyChanges } from './duty-changes';
import { ROSTER_PROJECTION_HOOKS, RosterProjectionHooks } from './roster-projection.options';
import { RosterProjectionRepository } from './roster-projection.repository';

/** Keeps the copy of the roster's people, then hands each run to the service's reactions. */
@Injectable()
export class PersonnelProjectionConsumer {
  constructor(
    private readonly projection: RosterProjectionRepository,
    @Optional() @Inject(ROSTER_PROJECTION_HOOKS) private readonly hooks: RosterProjectionHooks | null,
  ) {}

  @OnEventBatch(RosterEvents.personnelRegistered, RosterEvents.personnelUpdated)
  async personnel(people: EventOf<PersonnelEvent>[], em: EntityManager): Promise<void> {
    await this.projection.upsertPersonnel(em, people);
    await this.hooks?.personnelApplied?.(em, people);
  }
}

/** Keeps the copy of the roster's posts, then hands each run to the service's reactions. */
@Injectable()
export class PostProjectionConsumer {
  constructor(
    private readonly projection: RosterProjectionRepository,
    @Optional() @Inject(ROSTER_PROJECTION_HOOKS) private readonly hooks: RosterProjectionHooks | null,
  ) {}

  @OnEventBatch(RosterEvents.postCreated, RosterEvents.postUpdated)
  async posts(posts: EventOf<PostEvent>[], em: EntityManager): Promise<void> {
    await this.projection.upsertPosts(em, posts);
    await this.hooks?.postsApplied?.(em, posts);
  }
}

/** Keeps the copy of the roster's duties, then hands each run to the service's reactions. */
@Injectable()
export class DutyProjectionConsumer {
  constructor(
    private readonly projection: RosterProjectionRepository,
    @Optional() @Inject(ROSTER_PROJECTION_HOOKS) private readonly hooks: RosterProjectionHooks | null,
  ) {}

  @OnEventBatch(RosterEvents.assignmentCreated)
  async created(events: EventOf<AssignmentEvent>[], em: EntityManager): Promise<void> {
    await this.apply(
      em,
      events.map(({ payload, envelope }) => ({ kind: 'created', envelope, duty: payload })),
    );
  }

  @OnEventBatch(RosterEvents.assignmentChanged)
  async changed(events: EventOf<AssignmentChangedEvent>[], em: EntityManager): Promise<void> {
    await this.apply(
      em,
      events.map(({ payload, envelope }) => ({
        kind: 'changed',
        envelope,
        duty: payload.after,
        before: payload.before,
        reason: payload.reason ?? null,
      })),
    );
  }

  @OnEventBatch(RosterEvents.assignmentCancelled)
  async cancelled(events: EventOf<AssignmentCancelledEvent>[], em: EntityManager): Promise<void> {
    await this.apply(
      em,
      events.map(({ payload: { reason, ...duty }, envelope }) => ({
        kind: 'cancelled',
        envelope,
        duty,
        reason: reason ?? null,
      })),
    );
  }

  private async apply(em: EntityManager, events: DutyEvent[]): Promise<void> {
    const held = await this.projection.upsertDuties(em, events);
    await this.hooks?.dutiesApplied(em, dutyChanges(events, held));
  }
}
