import { Entity, Property } from '@mikro-orm/core';
import { ServiceEntity, timestamps } from '@rasad/common';
import { __Pascal__NoteView } from '@rasad/contracts';

/** An example record, written through the unit of work (reads are SQL in the repository). */
@Entity({ tableName: 'note' })
export class Note extends ServiceEntity {
  @Property({ type: 'text' })
  text: string;
}

export function noteView(note: Note): __Pascal__NoteView {
  return { id: note.id, text: note.text, ...timestamps(note) };
}
