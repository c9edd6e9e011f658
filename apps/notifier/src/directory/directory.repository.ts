import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AssignmentEvent, NoticeChannel, PersonnelEvent, PostEvent } from '@rasad/contracts';
import { DutyStatus } from '@rasad/duty-assignments';
import { uuidArray } from '@rasad/messaging';
import { Language } from '@rasad/personnel';
import { DutyPost } from './duty-post.entity';
import { Recipient } from './recipient.entity';

/** A person a notice can be written for: their language, and their own channel when they chose one. */
export interface Addressee {
  id: string;
  language: Language;
  channel: NoticeChannel | null;
}

/**
 * The notifier's copy of the roster's people, posts and duties. Events carry the whole record, so the latest one
 * applied wins whole; nothing is merged with what was there.
 */
@Injectable()
export class DirectoryRepository {
  async saveRecipient(em: EntityManager, person: PersonnelEvent): Promise<void> {
    await em.upsert(Recipient, {
      id: person.id,
      name: person.name,
      rank: person.rank,
      serviceNumber: person.serviceNumber,
      phone: person.phone,
      language: person.language,
      homeDistrictId: person.homeDistrictId,
      updatedAt: new Date(),
    });
  }

  async savePost(em: EntityManager, post: PostEvent): Promise<void> {
    await em.upsert(DutyPost, {
      id: post.id,
      code: post.code,
      name: post.name,
      districtId: post.districtId,
      updatedAt: new Date(),
    });
  }

  post(em: EntityManager, postId: string): Promise<DutyPost | null> {
    return em.findOne(DutyPost, { id: postId });
  }

  /** The people among these the notifier has heard of; whoever is missing is absent from the answer. */
  addressees(em: EntityManager, personnelIds: readonly string[]): Promise<Addressee[]> {
    return em.execute<Addressee[]>(
      `select r.id, r.language, p.channel from notifier.recipient r
       left join notifier.channel_preference p on p.personnel_id = r.id
       where r.id = any(?::uuid[])`,
      [uuidArray(personnelIds)],
    );
  }

  /**
   * Keeps a new duty; false when the notifier already holds it: a `created` retried after a later event of the same
   * duty (a cancellation that overtook it) is stale, and must neither revive the duty nor announce it.
   */
  async recordNewDuty(em: EntityManager, duty: AssignmentEvent): Promise<boolean> {
    const rows = await em.execute<unknown[]>(
      `insert into notifier.duty (id, personnel_id, post_id, status) values (?, ?, ?, ?)
       on conflict (id) do nothing returning id`,
      [duty.id, duty.personnelId, duty.postId, duty.status],
    );
    return rows.length > 0;
  }

  /**
   * Keeps the duty as its latest event tells it, and answers the status held before (null for a duty not seen yet):
   * a cancellation already held is not news again.
   */
  async recordDuty(em: EntityManager, duty: AssignmentEvent): Promise<DutyStatus | null> {
    const [row] = await em.execute<{ previous: DutyStatus | null }[]>(
      `with held as (select status from notifier.duty where id = ?)
       insert into notifier.duty (id, personnel_id, post_id, status, updated_at) values (?, ?, ?, ?, now())
       on conflict (id) do update set personnel_id = excluded.personnel_id, post_id = excluded.post_id,
         status = excluded.status, updated_at = now()
       returning (select status from held) as previous`,
      [duty.id, duty.id, duty.personnelId, duty.postId, duty.status],
    );
    return row.previous;
  }

  /**
   * Whether a person belongs to one of these districts: by home district, or by a live duty at a post there (as the
   * roster decides, short of the unit's district, which no event tells the notifier). Someone the notifier has not
   * heard of belongs nowhere.
   */
  async personInDistricts(em: EntityManager, personnelId: string, districtIds: readonly string[]): Promise<boolean> {
    if (districtIds.length === 0) {
      return false;
    }
    const rows = await em.execute<unknown[]>(
      `select 1 from notifier.recipient r
       where r.id = ? and (r.home_district_id = any(?::uuid[]) or exists (
         select 1 from notifier.duty d join notifier.post p on p.id = d.post_id
         where d.personnel_id = r.id and d.status <> 'cancelled' and p.district_id = any(?::uuid[])))`,
      [personnelId, uuidArray(districtIds), uuidArray(districtIds)],
    );
    return rows.length > 0;
  }
}
