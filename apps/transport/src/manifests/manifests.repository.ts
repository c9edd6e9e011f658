import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { pageRows } from '@rasad/common';
import {
  LegKind,
  ListManifestMessage,
  ManifestEntryView,
  ManifestEvent,
  ManifestFlag,
  ManifestStatus,
  Page,
} from '@rasad/contracts';
import { uuidArray } from '@rasad/messaging';
import { ROSTER_TABLES } from '../roster/roster-facts.repository';

export interface NewEntry {
  personnelId: string;
  dutyId: string;
  postId: string;
  legAt: Date;
}

interface EntryRow {
  id: string;
  trip_id: string;
  personnel_id: string;
  name: string | null;
  service_number: string | null;
  duty_id: string;
  leg: LegKind;
  post_id: string;
  status: ManifestStatus;
  flag: ManifestFlag | null;
  flag_reason: string | null;
}

interface ManifestEventRow {
  id: string;
  trip_id: string;
  personnel_id: string;
  duty_id: string;
  post_id: string;
  leg: LegKind;
  leg_at: string;
  arrives_at: string;
  departs_at: string;
  pickup_point_id: string;
  pickup_point_name: string;
  pickup_point_address: string | null;
  starts_at: string;
}

export interface BookedClash {
  personnelId: string;
  tripId: string;
  startsAt: Date;
  endsAt: Date;
}

const ENTRIES_SQL = `select e.id, e.trip_id, e.personnel_id, p.name, p.service_number, e.duty_id, e.leg, e.post_id,
    e.status, e.flag, e.flag_reason
  from transport.manifest_entry e left join ${ROSTER_TABLES.personnel} p on p.id = e.personnel_id`;

function entryView(row: EntryRow): ManifestEntryView {
  return {
    id: row.id,
    tripId: row.trip_id,
    personnelId: row.personnel_id,
    name: row.name,
    serviceNumber: row.service_number,
    dutyId: row.duty_id,
    leg: row.leg,
    postId: row.post_id,
    status: row.status,
    flag: row.flag,
    flagReason: row.flag_reason,
  };
}

const textArray = (values: readonly string[] | undefined) => (values ? `{${values.join(',')}}` : null);

/** The manifests' SQL. Bookings are one statement each, taking the trip's window and leg from the trip row. */
@Injectable()
export class ManifestsRepository {
  /** Books the passengers on the trip in one statement: the seat trigger and the exclusion constraint see them all. */
  async book(em: EntityManager, tripId: string, entries: NewEntry[]): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>(
      `insert into transport.manifest_entry (trip_id, personnel_id, duty_id, leg, post_id, leg_at, starts_at, ends_at)
       select t.id, (e->>'personnelId')::uuid, (e->>'dutyId')::uuid, t.direction, (e->>'postId')::uuid,
         (e->>'legAt')::timestamptz, t.starts_at, t.ends_at
       from transport.trip t, jsonb_array_elements(?::jsonb) with ordinality as x(e, n)
       where t.id = ? order by x.n
       returning id`,
      [JSON.stringify(entries), tripId],
    );
    return rows.map((row) => row.id);
  }

  async cancel(em: EntityManager, tripId: string, entryId: string): Promise<boolean> {
    const rows = await em.execute(
      `update transport.manifest_entry set status = 'cancelled', updated_at = now()
       where id = ? and trip_id = ? and status = 'booked' returning id`,
      [entryId, tripId],
    );
    return rows.length > 0;
  }

  async views(em: EntityManager, ids: string[]): Promise<ManifestEntryView[]> {
    const rows = await em.execute<EntryRow[]>(`${ENTRIES_SQL} where e.id = any(?::uuid[]) order by e.id`, [
      uuidArray(ids),
    ]);
    return rows.map(entryView);
  }

  list(em: EntityManager, query: ListManifestMessage): Promise<Page<ManifestEntryView>> {
    return pageRows<EntryRow, ManifestEntryView>(
      em,
      {
        sql: `${ENTRIES_SQL} where e.trip_id = ?
          and (?::text[] is null or e.status = any(?::text[]))
          and (?::text[] is null or e.flag = any(?::text[]))`,
        params: [
          query.id,
          textArray(query.status),
          textArray(query.status),
          textArray(query.flag),
          textArray(query.flag),
        ],
      },
      query,
      entryView,
      { keys: { name: 'name' }, natural: 'name' },
    );
  }

  /** These entries as events say them, with their trip's stop at the passenger's post and its pickup point named. */
  async events(em: EntityManager, ids: string[]): Promise<ManifestEvent[]> {
    const rows = await em.execute<ManifestEventRow[]>(
      `select e.id, e.trip_id, e.personnel_id, e.duty_id, e.post_id, e.leg, e.leg_at, s.arrives_at, s.departs_at,
         t.pickup_point_id, p.name as pickup_point_name, p.address as pickup_point_address, t.starts_at
       from transport.manifest_entry e
       join transport.trip t on t.id = e.trip_id
       join transport.pickup_point p on p.id = t.pickup_point_id
       join transport.trip_stop s on s.trip_id = e.trip_id and s.post_id = e.post_id
       where e.id = any(?::uuid[]) order by e.id`,
      [uuidArray(ids)],
    );
    const iso = (value: string) => new Date(value).toISOString();
    return rows.map((row) => ({
      entryId: row.id,
      tripId: row.trip_id,
      personnelId: row.personnel_id,
      dutyId: row.duty_id,
      postId: row.post_id,
      leg: row.leg,
      legAt: iso(row.leg_at),
      stopArrivesAt: iso(row.arrives_at),
      stopDepartsAt: iso(row.departs_at),
      pickupPointId: row.pickup_point_id,
      pickupPointName: row.pickup_point_name,
      pickupPointAddress: row.pickup_point_address,
      tripStartsAt: iso(row.starts_at),
    }));
  }

  /** The ids of a trip's booked passengers. */
  async booked(em: EntityManager, tripId: string): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>(
      `select id from transport.manifest_entry where trip_id = ? and status = 'booked' order by id`,
      [tripId],
    );
    return rows.map((row) => row.id);
  }

  /** The booking of one of these people whose trip overlaps `window`: what the exclusion constraint refused. */
  async clashing(
    em: EntityManager,
    personnelIds: string[],
    window: { startsAt: Date; endsAt: Date },
  ): Promise<BookedClash | null> {
    const [row] = await em.execute<{ personnel_id: string; trip_id: string; starts_at: string; ends_at: string }[]>(
      `select personnel_id, trip_id, starts_at, ends_at from transport.manifest_entry
       where personnel_id = any(?::uuid[]) and status = 'booked'
         and tstzrange(starts_at, ends_at, '[)') && tstzrange(?::timestamptz, ?::timestamptz, '[)')
       order by starts_at limit 1`,
      [uuidArray(personnelIds), window.startsAt.toISOString(), window.endsAt.toISOString()],
    );
    return row
      ? {
          personnelId: row.personnel_id,
          tripId: row.trip_id,
          startsAt: new Date(row.starts_at),
          endsAt: new Date(row.ends_at),
        }
      : null;
  }
}
