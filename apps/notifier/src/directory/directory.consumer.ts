import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventEnvelope, EventSubjects, PersonnelEvent, PostEvent } from '@rasad/contracts';
import { OnEvent } from '@rasad/messaging';
import { DutyPost } from './duty-post.entity';
import { Recipient } from './recipient.entity';

/** Keeps who can be notified (name, rank, phone, language) and what posts are called, from the roster's events. */
@Injectable()
export class DirectoryConsumer {
  @OnEvent(EventSubjects.personnelRegistered, EventSubjects.personnelUpdated)
  async personnel(person: PersonnelEvent, _envelope: EventEnvelope, em: EntityManager): Promise<void> {
    await this.upsertRecipient(person, em);
  }

  @OnEvent(EventSubjects.postCreated, EventSubjects.postUpdated)
  async post(post: PostEvent, _envelope: EventEnvelope, em: EntityManager): Promise<void> {
    await this.upsertPost(post, em);
  }

  // Events carry the whole record, so the latest one applied wins whole; no merge with what was there.
  private async upsertRecipient(person: PersonnelEvent, em: EntityManager): Promise<void> {
    await em.upsert(Recipient, {
      id: person.id,
      name: person.name,
      rank: person.rank,
      phone: person.phone,
      language: person.language,
      updatedAt: new Date(),
    });
  }

  private async upsertPost(post: PostEvent, em: EntityManager): Promise<void> {
    await em.upsert(DutyPost, {
      id: post.id,
      code: post.code,
      name: post.name,
      districtId: post.districtId,
      updatedAt: new Date(),
    });
  }
}
