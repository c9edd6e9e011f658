import { EntityManager } from '@mikro-orm/postgresql';
import { AssignmentEvent, EventEnvelope, EventSubjects, PersonnelEvent, PostEvent } from '@rasad/contracts';
import { EventOf, ON_EVENT, ON_EVENT_BATCH, OnEvent, OnEventBatch } from './on-event.decorator';

// The `@ts-expect-error` lines are the test that matters: `npm run typecheck` fails if any of them compiles.
class Handlers {
  @OnEvent(EventSubjects.personnelRegistered, EventSubjects.personnelUpdated)
  async person(_person: PersonnelEvent, _envelope: EventEnvelope<PersonnelEvent>, _em: EntityManager) {}

  // A handler may take less than it is given: the envelope with any payload, or no EntityManager.
  @OnEvent(EventSubjects.postCreated)
  async post(_post: PostEvent, _envelope: EventEnvelope) {}

  // @ts-expect-error a post's handler cannot take a person
  @OnEvent(EventSubjects.postUpdated)
  async wrongPayload(_person: PersonnelEvent, _envelope: EventEnvelope, _em: EntityManager) {}

  // @ts-expect-error one handler for a person and a duty would have to take either
  @OnEvent(EventSubjects.personnelUpdated, EventSubjects.assignmentCreated)
  async mixed(_person: PersonnelEvent, _envelope: EventEnvelope, _em: EntityManager) {}

  // @ts-expect-error the payload comes first, the envelope second
  @OnEvent(EventSubjects.assignmentCreated)
  async swapped(_envelope: EventEnvelope, _duty: AssignmentEvent) {}

  // @ts-expect-error a handler returns a promise: its transaction commits when it settles
  @OnEvent(EventSubjects.assignmentCancelled)
  notAsync(_duty: AssignmentEvent): void {}

  @OnEventBatch(EventSubjects.personnelRegistered, EventSubjects.personnelUpdated)
  async people(_people: EventOf<PersonnelEvent>[], _em: EntityManager) {}

  // A batch handler may leave the EntityManager out too.
  @OnEventBatch(EventSubjects.postCreated, EventSubjects.postUpdated)
  async posts(_posts: EventOf<PostEvent>[]) {}

  // @ts-expect-error a run of duties is not a run of people
  @OnEventBatch(EventSubjects.assignmentCreated)
  async wrongRun(_people: EventOf<PersonnelEvent>[], _em: EntityManager) {}

  // @ts-expect-error one batch handler for posts and duties would have to take either
  @OnEventBatch(EventSubjects.postCreated, EventSubjects.assignmentCreated)
  async mixedRun(_posts: EventOf<PostEvent>[], _em: EntityManager) {}

  // @ts-expect-error a batch handler takes the run, not one payload
  @OnEventBatch(EventSubjects.postUpdated)
  async onePayload(_post: PostEvent, _em: EntityManager) {}
}

describe('OnEvent', () => {
  it('records every subject a handler takes', () => {
    expect(Reflect.getMetadata(ON_EVENT, Handlers.prototype.person)).toEqual([
      EventSubjects.personnelRegistered,
      EventSubjects.personnelUpdated,
    ]);
    expect(Reflect.getMetadata(ON_EVENT, Handlers.prototype.post)).toEqual([EventSubjects.postCreated]);
  });

  it('records a batch handler’s subjects apart, so the consumer gives it runs', () => {
    expect(Reflect.getMetadata(ON_EVENT_BATCH, Handlers.prototype.people)).toEqual([
      EventSubjects.personnelRegistered,
      EventSubjects.personnelUpdated,
    ]);
    expect(Reflect.getMetadata(ON_EVENT, Handlers.prototype.people)).toBeUndefined();
  });
});
