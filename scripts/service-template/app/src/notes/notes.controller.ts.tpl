import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  Add__Pascal__NoteRequest,
  __Pascal__NoteView,
  __Pascal__Subjects,
  List__Pascal__NotesQuery,
  Page,
} from '@rasad/contracts';
import { NotesService } from './notes.service';

/** Thin: the subject, the validated payload, the service's answer. */
@Controller()
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @MessagePattern(__Pascal__Subjects.noteAdd)
  add(@Payload() body: Add__Pascal__NoteRequest): Promise<__Pascal__NoteView> {
    return this.notes.add(body);
  }

  @MessagePattern(__Pascal__Subjects.noteList)
  list(@Payload() query: List__Pascal__NotesQuery): Promise<Page<__Pascal__NoteView>> {
    return this.notes.list(query);
  }
}
