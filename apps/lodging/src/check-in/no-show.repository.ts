import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/** A night given back because its person had not checked in by the cut-off. */
export interface NoShowNight {
  allocationId: string;
  night: string;
}

/**
 * The no-show sweep's SQL. A night's cut-off is its date plus `offset` (`checkInCutoffOffset`) in the deployment's
 * zone.
 */
@Injectable()
export class NoShowRepository {
  /**
   * Gives back, at most `limit` at a time, the held nights whose cut-off has passed without a check-in before it,
   * looking back `daysBack` nights (older ones are over anyway). SKIP LOCKED lets replicas share the sweep; the
   * allocation's row is locked too, so a check-in in progress (which locks it first) is never swept past.
   */
  async releaseDue(
    em: EntityManager,
    sweep: { offset: string; timeZone: string; today: string; daysBack: number; limit: number },
  ): Promise<NoShowNight[]> {
    const cutoff = `((n.night::timestamp + ?::interval) at time zone ?)`;
    return em.execute<NoShowNight[]>(
      `with due as (
         select n.allocation_id, n.night from lodging.bed_night n
         join lodging.allocation a on a.id = n.allocation_id
         where n.status = 'held' and n.night between ?::date - ?::int and ?::date
           and ${cutoff} < now() and (a.checked_in_at is null or a.checked_in_at > ${cutoff})
         order by n.night, n.allocation_id limit ?
         for update of n, a skip locked)
       update lodging.bed_night n set status = 'released', release_reason = 'no_show', released_at = now()
       from due where n.allocation_id = due.allocation_id and n.night = due.night
       returning n.allocation_id as "allocationId", n.night::text as night`,
      [
        sweep.today,
        sweep.daysBack,
        sweep.today,
        sweep.offset,
        sweep.timeZone,
        sweep.offset,
        sweep.timeZone,
        sweep.limit,
      ],
    );
  }
}
