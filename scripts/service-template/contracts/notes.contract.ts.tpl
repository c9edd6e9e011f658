import { IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '../pagination';

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

/** An event's payload: consumers validate it by these decorators before a handler sees it. */
export class __Pascal__NoteAddedEvent {
  @IsUUID() id: string;
  @IsString() text: string;
}
