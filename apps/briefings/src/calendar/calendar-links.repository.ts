import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/** calendar_link's SQL. */
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
}
