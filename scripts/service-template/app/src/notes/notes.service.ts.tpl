import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Add__Pascal__NoteRequest, __Pascal__Events, __Pascal__NoteView, List__Pascal__NotesQuery, Page } from '@rasad/contracts';
import { Outbox } from '@rasad/messaging';
import { Note, noteView } from './note.entity';
import { NotesRepository } from './notes.repository';

/**
 * The rules live here: scope checks, coded DomainErrors, events recorded in the outbox in the same flush as the
 * change. The SQL lives in the repository.
 */
@Injectable()
export class NotesService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: NotesRepository,
    private readonly outbox: Outbox,
  ) {}

  async add(body: Add__Pascal__NoteRequest): Promise<__Pascal__NoteView> {
    const note = this.em.create(Note, { text: body.text });
    this.outbox.record(this.em, __Pascal__Events.noteAdded, note.id, { id: note.id, text: note.text });
    await this.em.flush();
    return noteView(note);
  }

  list(query: List__Pascal__NotesQuery): Promise<Page<__Pascal__NoteView>> {
    return this.repository.list(query);
  }
}
