import { EntityManager } from '@mikro-orm/postgresql';
import { AssignmentEvent, EventEnvelope, PersonnelEvent, PostEvent, RosterEvents } from '@rasad/contracts';
import { ON_EVENT, OnEvent } from './on-event.decorator';

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
}

describe('OnEvent', () => {
  it('records every subject a handler takes', () => {
    expect(Reflect.getMetadata(ON_EVENT, Handlers.prototype.person)).toEqual([
      RosterEvents.personnelRegistered,
      RosterEvents.personnelUpdated,
    ]);
    expect(Reflect.getMetadata(ON_EVENT, Handlers.prototype.post)).toEqual([RosterEvents.postCreated]);
  });
});
