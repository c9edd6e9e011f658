import { IsString, Length } from 'class-validator';
import { Page, PageQuery } from '../pagination';
import { PingReply } from '../rpc-map';
import { registerServiceContract } from '../service-contract';

/**
 * Everything the __name__ service shares with its callers, in one folder: its subjects, its part of the RPC map, its
 * event payloads and its queue group (docs/adding-a-service.md).
 */
export const __Pascal__Subjects = {
  ping: '__name__.health.ping.v1',
  noteAdd: '__name__.note.add.v1',
  noteList: '__name__.note.list.v1',
} as const;

export class Add__Pascal__NoteRequest {
  @IsString()
  @Length(1, 500)
  text: string;
}

/** A keyset page of notes: `limit`, `cursor` and `sort` come from PageQuery. */
export class List__Pascal__NotesQuery extends PageQuery {}

export interface __Pascal__NoteView {
  id: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

declare module '../rpc-map' {
  interface RpcMap {
    [__Pascal__Subjects.ping]: { request: Record<string, never>; reply: PingReply };
    [__Pascal__Subjects.noteAdd]: { request: Add__Pascal__NoteRequest; reply: __Pascal__NoteView };
    [__Pascal__Subjects.noteList]: { request: List__Pascal__NotesQuery; reply: Page<__Pascal__NoteView> };
  }
}

registerServiceContract({
  service: '__name__',
  queue: '__name__',
  // Subject to payload class, e.g. `'evt.__name__.note.added.v1': NoteAddedEvent`; consumers validate by them.
  events: {},
});
