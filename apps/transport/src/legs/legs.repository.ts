import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, pageRows } from '@rasad/common';
import { CallerScope, LegKind, LegStatus, LegView, ListLegsQuery, Page } from '@rasad/contracts';
import { uuidArray } from '@rasad/messaging';
import { ROSTER_TABLES } from '../roster/roster-facts.repository';
import { NeededLeg } from './legs-needed';

interface LegRow {
  id: string;
  personnel_id: string;
  name: string | null;
  service_number: string | null;
  post_id: string;
  post_code: string | null;
  post_name: string | null;
  district_id: string | null;
  kind: LegKind;
  at: string;
  duty_ids: string[];
  status: LegStatus;
  trip_id: string | null;
  entry_id: string | null;
  void_reason: string | null;
}

const LEG_ORDER: ListOrder = { keys: { at: 'at', name: 'name' }, natural: 'at' };

/**
 * A needed leg is covered by a booked passenger of a trip not cancelled, for that person, post and direction, whose
 * stop there arrives by the leg's time (outbound) or leaves after it (return).
 */
export const COVERING_SQL = `
  select e.trip_id, e.id as entry_id from transport.manifest_entry e
  join transport.trip t on t.id = e.trip_id and t.status <> 'cancelled'
  join transport.trip_stop s on s.trip_id = e.trip_id and s.post_id = e.post_id
  where e.personnel_id = l.personnel_id and e.post_id = l.post_id and e.leg = l.kind and e.status = 'booked'
    and case when l.kind = 'outbound' then s.arrives_at <= l.at else s.departs_at >= l.at end
  order by e.id limit 1`;

const iso = (value: string) => new Date(value).toISOString();
const textArray = (values: readonly string[] | undefined) => (values ? `{${values.join(',')}}` : null);

function legView(row: LegRow): LegView {
  return {
    id: row.id,
    personnelId: row.personnel_id,
    name: row.name,
    serviceNumber: row.service_number,
    postId: row.post_id,
    postCode: row.post_code,
    postName: row.post_name,
    districtId: row.district_id,
    kind: row.kind,
    arriveBy: row.kind === 'outbound' ? iso(row.at) : null,
    departAfter: row.kind === 'return' ? iso(row.at) : null,
    dutyIds: row.duty_ids,
    status: row.status,
    coveredBy: row.trip_id && row.entry_id ? { tripId: row.trip_id, manifestEntryId: row.entry_id } : null,
    voidReason: row.void_reason,
  };
}

/** The legs' SQL: keeping them equal to what the duties need, and listing them with their coverage. */
@Injectable()
export class LegsRepository {
  /**
   * Takes each person's leg lock until the transaction ends, in id order. One person's duties can arrive in runs
   * applied side by side (they are split by duty): without it, each run would see only its own duties and void the
   * other's legs. The next holder's statements see what the last one committed.
   */
  async lockPeople(em: EntityManager, personnelIds: string[]): Promise<void> {
    await em.execute(
      `select pg_advisory_xact_lock(hashtextextended('transport.leg:' || id::text, 0))
       from unnest(?::uuid[]) as id order by id`,
      [uuidArray([...personnelIds].sort())],
    );
  }

  /**
   * Makes these people's legs exactly `needed`: each one needed is kept or added (a void one comes back), each other
   * leg of theirs that was needed becomes void with `reasonOf` them.
   */
  async reconcile(
    em: EntityManager,
    personnelIds: string[],
    needed: NeededLeg[],
    reasonOf: (personnelId: string) => string,
  ): Promise<void> {
    const rows = needed.map((leg) => ({ ...leg, at: leg.at.toISOString() }));
    await em.execute(
      `insert into transport.leg as l (personnel_id, post_id, kind, at, duty_ids)
       select r."personnelId", r."postId", r.kind, r.at, r."dutyIds"
       from jsonb_to_recordset(?::jsonb) as r("personnelId" uuid, "postId" uuid, kind text,
         at timestamptz, "dutyIds" uuid[])
       on conflict (personnel_id, kind, post_id, at) do update
         set status = 'needed', void_reason = null, duty_ids = excluded.duty_ids, updated_at = now()
         where l.status <> 'needed' or l.duty_ids <> excluded.duty_ids`,
      [JSON.stringify(rows)],
    );
    const reasons = personnelIds.map((id) => ({ personnelId: id, reason: reasonOf(id) }));
    await em.execute(
      `update transport.leg l set status = 'void', void_reason = r.reason, updated_at = now()
       from jsonb_to_recordset(?::jsonb) as r("personnelId" uuid, reason text)
       where l.personnel_id = r."personnelId" and l.status = 'needed'
         and not exists (
           select 1 from jsonb_to_recordset(?::jsonb) as n("personnelId" uuid, "postId" uuid, kind text, at timestamptz)
           where n."personnelId" = l.personnel_id and n."postId" = l.post_id and n.kind = l.kind and n.at = l.at)`,
      [JSON.stringify(reasons), JSON.stringify(rows)],
    );
  }

  /** Flags the booked passengers of these duties, the latest word for each duty winning. */
  async flagBookings(
    em: EntityManager,
    flags: { dutyId: string; flag: string; reason: string | null }[],
  ): Promise<void> {
    if (flags.length === 0) {
      return;
    }
    await em.execute(
      `update transport.manifest_entry e set flag = f.flag, flag_reason = f.reason, updated_at = now()
       from (
         select distinct on (f."dutyId") f."dutyId", f.flag, f.reason
         from rows from (jsonb_to_recordset(?::jsonb) as ("dutyId" uuid, flag text, reason text))
           with ordinality as f("dutyId", flag, reason, n)
         order by f."dutyId", n desc
       ) f
       where e.duty_id = f."dutyId" and e.status = 'booked'`,
      [JSON.stringify(flags)],
    );
  }

  list(
    em: EntityManager,
    query: ListLegsQuery,
    day: { from: Date; to: Date },
    scope: CallerScope,
  ): Promise<Page<LegView>> {
    return pageRows<LegRow, LegView>(
      em,
      {
        sql: `select * from (
            select l.id, l.personnel_id, p.name, p.service_number, l.post_id, po.code as post_code,
              po.name as post_name, po.district_id, l.kind, l.at, l.duty_ids,
              case when l.status = 'void' then 'void' when c.trip_id is null then 'uncovered' else 'covered' end
                as status,
              c.trip_id, c.entry_id, l.void_reason
            from transport.leg l
            left join ${ROSTER_TABLES.personnel} p on p.id = l.personnel_id
            left join ${ROSTER_TABLES.post} po on po.id = l.post_id
            left join lateral (${COVERING_SQL}) c on l.status = 'needed'
            where l.at >= ?::timestamptz and l.at < ?::timestamptz
              and (?::uuid[] is null or po.district_id = any(?::uuid[]))
              and (?::uuid is null or po.district_id = ?::uuid)
              and (?::text[] is null or l.kind = any(?::text[]))
              and coalesce(p.travel_mode, 'provided') = 'provided'
          ) legs where legs.status = any(?::text[])`,
        params: [
          day.from.toISOString(),
          day.to.toISOString(),
          uuidArray(scope.districtIds),
          uuidArray(scope.districtIds),
          query.districtId ?? null,
          query.districtId ?? null,
          textArray(query.kind),
          textArray(query.kind),
          // Void legs only when asked for, as the roster lists cancelled duties.
          textArray(query.status ?? ['covered', 'uncovered']),
        ],
      },
      query,
      legView,
      LEG_ORDER,
    );
  }
}
