import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventEnvelope, PersonnelEvent, PostEvent, RosterEvents } from '@rasad/contracts';
import { OnEvent } from '@rasad/messaging';
import { redactingFailures } from '../shared/personal-data';
import { DirectoryRepository } from './directory.repository';

/** Keeps who can be notified (name, rank, phone, language) and what posts are called, from the roster's events. */
@Injectable()
export class DirectoryConsumer {
  constructor(private readonly directory: DirectoryRepository) {}

  @OnEvent(RosterEvents.personnelRegistered, RosterEvents.personnelUpdated)
  async personnel(person: PersonnelEvent, _envelope: EventEnvelope, em: EntityManager): Promise<void> {
    await this.upsertRecipient(person, em);
  }

  @OnEvent(RosterEvents.postCreated, RosterEvents.postUpdated)
  async post(post: PostEvent, _envelope: EventEnvelope, em: EntityManager): Promise<void> {
    await this.upsertPost(post, em);
  }

  private async upsertRecipient(person: PersonnelEvent, em: EntityManager): Promise<void> {
    await redactingFailures(() => this.directory.saveRecipient(em, person));
  }

  private async upsertPost(post: PostEvent, em: EntityManager): Promise<void> {
    await this.directory.savePost(em, post);
  }
}
