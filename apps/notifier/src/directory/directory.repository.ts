import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { NoticeChannel } from '@rasad/contracts';
import { projectionTables, servingIn } from '@rasad/duty-assignments';
import { uuidArray, wordArray } from '@rasad/messaging';
import { Language, Rank } from '@rasad/personnel';

const IN_DISTRICTS = servingIn('r', (district) => `${district} = any(?::uuid[])`, projectionTables('notifier'));
const IN_DISTRICT = servingIn('r', (district) => `${district} = ?`, projectionTables('notifier'));

/** A person a notice can be written for: their language, and their own channel when they chose one. */
export interface Addressee {
  id: string;
  language: Language;
  channel: NoticeChannel | null;
}

/** A post as a notice names it, and the district the notice belongs to. */
export interface NoticePost {
  id: string;
  code: string;
  name: string;
  districtId: string;
}

/**
 * The notifier's reads of its copy of the roster (`@rasad/roster-projection`, which writes it: people with their
 * phones, posts, duties) and of people's own channels.
 */
@Injectable()
export class DirectoryRepository {
  /** The posts among these the notifier has heard of; whichever is missing is absent from the answer. */
  posts(em: EntityManager, postIds: readonly string[]): Promise<NoticePost[]> {
    return em.execute<NoticePost[]>(
      `select id, code, name, district_id as "districtId" from notifier.post where id = any(?::uuid[])`,
      [uuidArray(postIds)],
    );
  }

  /** The people among these the notifier has heard of; whoever is missing is absent from the answer. */
  addressees(em: EntityManager, personnelIds: readonly string[]): Promise<Addressee[]> {
    return em.execute<Addressee[]>(
      `select r.id, r.language, p.channel from notifier.personnel r
       left join notifier.channel_preference p on p.personnel_id = r.id
       where r.id = any(?::uuid[])`,
      [uuidArray(personnelIds)],
    );
  }

  /**
   * A district's commanders, as far as the notifier's copy of the roster can tell: people of these ranks who belong to
   * the district (`servingIn`: home district, or a live duty at a post there), in id order.
   */
  async commanders(em: EntityManager, districtId: string, ranks: readonly Rank[]): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>(
      `select r.id from notifier.personnel r where r.rank = any(?::text[]) and ${IN_DISTRICT} order by r.id`,
      [wordArray(ranks), districtId, districtId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Whether a person belongs to one of these districts (`servingIn`, the roster's rule, over the notifier's copy):
   * by home district, or by a live duty at a post there; the unit's district, which no event tells the notifier, does
   * not count. Someone the notifier has not heard of belongs nowhere.
   */
  async personInDistricts(em: EntityManager, personnelId: string, districtIds: readonly string[]): Promise<boolean> {
    if (districtIds.length === 0) {
      return false;
    }
    const rows = await em.execute<unknown[]>(`select 1 from notifier.personnel r where r.id = ? and ${IN_DISTRICTS}`, [
      personnelId,
      uuidArray(districtIds),
      uuidArray(districtIds),
    ]);
    return rows.length > 0;
  }
}
