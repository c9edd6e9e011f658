import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Add__Pascal__NoteRequest, __Pascal__NoteView, List__Pascal__NotesQuery, Page } from '@rasad/contracts';
import { Note, noteView } from './note.entity';
import { NotesRepository } from './notes.repository';

/**
 * The rules live here: scope checks, coded DomainErrors, events recorded in the outbox in the same flush as the
 * change (`outbox.record(this.em, …)`). The SQL lives in the repository.
 */
@Injectable()
export class NotesService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: NotesRepository,
  ) {}

  async add(body: Add__Pascal__NoteRequest): Promise<__Pascal__NoteView> {
    const note = this.em.create(Note, { text: body.text });
    await this.em.flush();
    return noteView(note);
  }

  list(query: List__Pascal__NotesQuery): Promise<Page<__Pascal__NoteView>> {
    return this.repository.list(query);
  }
}
