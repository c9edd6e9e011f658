import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { __Pascal__NoteView, List__Pascal__NotesQuery, Page } from '@rasad/contracts';
import { pageRows } from '@rasad/common';

interface NoteRow {
  id: string;
  text: string;
  // Raw SQL brings timestamps back as PostgreSQL's text.
  created_at: string;
  updated_at: string;
}

const iso = (value: string) => new Date(value).toISOString();

/** The notes' SQL: a keyset page, with its total, in creation order. */
@Injectable()
export class NotesRepository {
  constructor(private readonly em: EntityManager) {}

  list(query: List__Pascal__NotesQuery): Promise<Page<__Pascal__NoteView>> {
    return pageRows<NoteRow, __Pascal__NoteView>(
      this.em,
      { sql: 'select id, text, created_at, updated_at from __schema__.note' },
      query,
      (row) => ({
        id: row.id,
        text: row.text,
        createdAt: iso(row.created_at),
        updatedAt: iso(row.updated_at),
      }),
    );
  }
}
