import { EntityManager } from '@mikro-orm/postgresql';
import { AssignmentEvent, EventEnvelope, PersonnelEvent, PostEvent, RosterEvents } from '@rasad/contracts';
import { EventOf, ON_EVENT, ON_EVENT_BATCH, OnEvent, OnEventBatch } from './on-event.decorator';

// The `@ts-expect-error` lines are the test that matters: `npm run typecheck` fails if any of them compiles.
class Handlers {
  @OnEvent(RosterEvents.personnelRegistered, RosterEvents.personnelUpdated)
  async person(_person: PersonnelEvent, _envelope: EventEnvelope<PersonnelEvent>, _em: EntityManager) {}

  // A handler may take less than it is given: the envelope with any payload, or no EntityManager.
  @OnEvent(RosterEvents.postCreated)
  async post(_post: PostEvent, _envelope: EventEnvelope) {}

  // @ts-expect-error a post's handler cannot take a person
  @OnEvent(RosterEvents.postUpdated)
  async wrongPayload(_person: PersonnelEvent, _envelope: EventEnvelope, _em: EntityManager) {}

  // @ts-expect-error one handler for a person and a duty would have to take either
  @OnEvent(RosterEvents.personnelUpdated, RosterEvents.assignmentCreated)
  async mixed(_person: PersonnelEvent, _envelope: EventEnvelope, _em: EntityManager) {}

  // @ts-expect-error the payload comes first, the envelope second
  @OnEvent(RosterEvents.assignmentCreated)
  async swapped(_envelope: EventEnvelope, _duty: AssignmentEvent) {}

  // @ts-expect-error a handler returns a promise: its transaction commits when it settles
  @OnEvent(RosterEvents.assignmentCancelled)
  notAsync(_duty: AssignmentEvent): void {}

  @OnEventBatch(RosterEvents.personnelRegistered, RosterEvents.personnelUpdated)
  async people(_people: EventOf<PersonnelEvent>[], _em: EntityManager) {}

  // A batch handler may leave the EntityManager out too.
  @OnEventBatch(RosterEvents.postCreated, RosterEvents.postUpdated)
  async posts(_posts: EventOf<PostEvent>[]) {}

  // @ts-expect-error a run of duties is not a run of people
  @OnEventBatch(RosterEvents.assignmentCreated)
  async wrongRun(_people: EventOf<PersonnelEvent>[], _em: EntityManager) {}

  // @ts-expect-error one batch handler for posts and duties would have to take either
  @OnEventBatch(RosterEvents.postCreated, RosterEvents.assignmentCreated)
  async mixedRun(_posts: EventOf<PostEvent>[], _em: EntityManager) {}

  // @ts-expect-error a batch handler takes the run, not one payload
  @OnEventBatch(RosterEvents.postUpdated)
  async onePayload(_post: PostEvent, _em: EntityManager) {}
}

describe('OnEvent', () => {
  it('records every subject a handler takes', () => {
    expect(Reflect.getMetadata(ON_EVENT, Handlers.prototype.person)).toEqual([
      RosterEvents.personnelRegistered,
      RosterEvents.personnelUpdated,
    ]);
    expect(Reflect.getMetadata(ON_EVENT, Handlers.prototype.post)).toEqual([RosterEvents.postCreated]);
  });

  it('records a batch handler’s subjects apart, so the consumer gives it runs', () => {
    expect(Reflect.getMetadata(ON_EVENT_BATCH, Handlers.prototype.people)).toEqual([
      RosterEvents.personnelRegistered,
      RosterEvents.personnelUpdated,
    ]);
    expect(Reflect.getMetadata(ON_EVENT, Handlers.prototype.people)).toBeUndefined();
  });
});
