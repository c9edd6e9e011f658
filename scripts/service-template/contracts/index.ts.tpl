import { Page } from '../pagination';
import { EventPayloadsOf } from '../events/event-map';
import { registerServiceContract } from '../service-contract';
import {
  Add__Pascal__NoteRequest,
  __Pascal__NoteAddedEvent,
  __Pascal__NoteView,
  List__Pascal__NotesQuery,
} from './notes.contract';

export * from './notes.contract';

/**
 * Everything the __name__ service shares with its callers, in one folder: its subjects, its parts of the RPC and event
 * maps, its event payloads and its queue group (docs/adding-a-service.md).
 */
export const __Pascal__Subjects = {
  ping: '__name__.health.ping.v1',
  noteAdd: '__name__.note.add.v1',
  noteList: '__name__.note.list.v1',
} as const;

export const __Pascal__Events = {
  noteAdded: 'evt.__name__.note.added.v1',
} as const;

declare module '../rpc-map' {
  interface RpcMap {
    [__Pascal__Subjects.noteAdd]: { request: Add__Pascal__NoteRequest; reply: __Pascal__NoteView };
    [__Pascal__Subjects.noteList]: { request: List__Pascal__NotesQuery; reply: Page<__Pascal__NoteView> };
  }
}

/** Each event's payload class: consumers validate the event by it, and its instances are the event's type. */
const __camel__EventClasses = {
  [__Pascal__Events.noteAdded]: __Pascal__NoteAddedEvent,
};

declare module '../events/event-map' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EventMap extends EventPayloadsOf<typeof __camel__EventClasses> {}
}

registerServiceContract({ service: '__name__', queue: '__name__', events: __camel__EventClasses });
