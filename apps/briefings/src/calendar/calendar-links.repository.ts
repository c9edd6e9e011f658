import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

interface PersonRecord {
  home_district_id: string;
  district_ids: string[];
}

/** calendar_link's SQL, and where a person serves, for district scoping. */
@Injectable()
export class CalendarLinksRepository {
  /** One link per person: a new hash replaces the old one, which no longer opens anything. */
  async issue(em: EntityManager, personnelId: string, tokenHash: string): Promise<Date> {
    const [row] = await em.execute<{ created_at: Date }[]>(
      `insert into briefings.calendar_link (personnel_id, token_hash) values (?, ?)
       on conflict (personnel_id) do update
         set token_hash = excluded.token_hash, created_at = now(), revoked_at = null
       returning created_at`,
      [personnelId, tokenHash],
    );
    return new Date(row.created_at);
  }

  /** True when there was a working link to revoke. */
  async revoke(em: EntityManager, personnelId: string): Promise<boolean> {
    const rows = await em.execute<{ personnel_id: string }[]>(
      `update briefings.calendar_link set revoked_at = now()
       where personnel_id = ? and revoked_at is null returning personnel_id`,
      [personnelId],
    );
    return rows.length > 0;
  }

  /** Whose link this is, if it still works. */
  async holder(em: EntityManager, tokenHash: string): Promise<string | null> {
    const [row] = await em.execute<{ personnel_id: string }[]>(
      'select personnel_id from briefings.calendar_link where token_hash = ? and revoked_at is null',
      [tokenHash],
    );
    return row?.personnel_id ?? null;
  }

  /**
   * The districts a person serves in, as briefings knows them: where they come from, where a live duty posts
   * them, and where they are invited to a briefing. Null for someone briefings has not heard of.
   */
  async districtsOf(em: EntityManager, personnelId: string): Promise<string[] | null> {
    const [row] = await em.execute<PersonRecord[]>(
      `select p.home_district_id, array(
         select t.district_id from briefings.duty d join briefings.post t on t.id = d.post_id
         where d.personnel_id = p.id and d.status <> 'cancelled'
         union
         select s.district_id from briefings.invitation i join briefings.session s on s.id = i.session_id
         where i.personnel_id = p.id
       ) as district_ids
       from briefings.personnel p where p.id = ?`,
      [personnelId],
    );
    return row ? [row.home_district_id, ...row.district_ids] : null;
  }
}
