import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, pageRows } from '@rasad/common';
import { CallerScope, LegKind, ListTripsQuery, Page, TripStatus, TripStopView, TripView } from '@rasad/contracts';
import { uuidArray } from '@rasad/messaging';
import { ROSTER_TABLES } from '../roster/roster-facts.repository';
import { PlannedStop } from './trip-plan';

interface TripRow {
  id: string;
  district_id: string;
  vehicle_id: string;
  driver_id: string;
  pickup_point_id: string;
  direction: LegKind;
  starts_at: string;
  ends_at: string;
  status: TripStatus;
  status_reason: string | null;
  seats: number;
  seats_taken: number;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

interface StopRow {
  trip_id: string;
  position: number;
  post_id: string;
  post_code: string | null;
  post_name: string | null;
  arrives_at: string;
  departs_at: string;
  arrived_at: string | null;
  late: boolean;
}

export interface ClashingTrip {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

const TRIP_ORDER: ListOrder = { keys: { startsAt: 'starts_at', endsAt: 'ends_at' }, natural: 'startsAt' };

const TRIP_COLUMNS = `t.id, t.district_id, t.vehicle_id, t.driver_id, t.pickup_point_id, t.direction, t.starts_at,
  t.ends_at, t.status, t.status_reason, t.seats, t.seats_taken, t.notes, t.created_at, t.updated_at`;

const iso = (value: string | Date) => new Date(value).toISOString();
const textArray = (values: readonly string[] | undefined) => (values ? `{${values.join(',')}}` : null);

function tripView(row: TripRow, stops: TripStopView[]): TripView {
  return {
    id: row.id,
    districtId: row.district_id,
    vehicleId: row.vehicle_id,
    driverId: row.driver_id,
    pickupPointId: row.pickup_point_id,
    direction: row.direction,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    status: row.status,
    statusReason: row.status_reason,
    seats: row.seats,
    seatsTaken: row.seats_taken,
    notes: row.notes,
    stops,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The trips' SQL: their stops, their views with the posts' codes, and who a refused booking clashed with. */
@Injectable()
export class TripsRepository {
  async insertStops(em: EntityManager, tripId: string, stops: PlannedStop[]): Promise<void> {
    await em.execute(
      `insert into transport.trip_stop (trip_id, position, post_id, arrives_at, departs_at)
       select ?, (s->>'position')::int, (s->>'postId')::uuid, (s->>'arrivesAt')::timestamptz,
         (s->>'departsAt')::timestamptz
       from jsonb_array_elements(?::jsonb) s`,
      [tripId, JSON.stringify(stops)],
    );
  }

  async arrive(em: EntityManager, tripId: string, position: number, at: Date): Promise<boolean> {
    const rows = await em.execute(
      'update transport.trip_stop set arrived_at = ? where trip_id = ? and position = ? returning 1',
      [at.toISOString(), tripId, position],
    );
    return rows.length > 0;
  }

  async views(em: EntityManager, ids: string[]): Promise<TripView[]> {
    const rows = await em.execute<TripRow[]>(
      `select ${TRIP_COLUMNS} from transport.trip t where t.id = any(?::uuid[]) order by t.starts_at, t.id`,
      [uuidArray(ids)],
    );
    return this.withStops(em, rows);
  }

  async list(em: EntityManager, query: ListTripsQuery, scope: CallerScope): Promise<Page<TripView>> {
    const found = await pageRows<TripRow, TripRow>(
      em,
      {
        sql: `select ${TRIP_COLUMNS} from transport.trip t
          where (?::uuid[] is null or t.district_id = any(?::uuid[]))
            and (?::uuid is null or t.district_id = ?::uuid)
            and (?::uuid is null or t.vehicle_id = ?::uuid)
            and (?::uuid is null or t.driver_id = ?::uuid)
            and (?::text[] is null or t.status = any(?::text[]))
            and (?::text[] is null or t.direction = any(?::text[]))
            and (?::timestamptz is null or t.ends_at > ?::timestamptz)
            and (?::timestamptz is null or t.starts_at < ?::timestamptz)`,
        params: [
          ...twice(uuidArray(scope.districtIds)),
          ...twice(query.districtId ?? null),
          ...twice(query.vehicleId ?? null),
          ...twice(query.driverId ?? null),
          ...twice(textArray(query.status)),
          ...twice(textArray(query.direction)),
          ...twice(query.from ?? null),
          ...twice(query.to ?? null),
        ],
      },
      query,
      (row) => row,
      TRIP_ORDER,
    );
    return { ...found, items: await this.withStops(em, found.items) };
  }

  /** A live trip of this vehicle (or driver) whose window overlaps, other than `tripId`: what the database refused. */
  async clashing(
    em: EntityManager,
    column: 'vehicle_id' | 'driver_id',
    id: string,
    window: { startsAt: Date; endsAt: Date },
    tripId: string | null = null,
  ): Promise<ClashingTrip | null> {
    const [row] = await em.execute<{ id: string; starts_at: string; ends_at: string }[]>(
      `select id, starts_at, ends_at from transport.trip
       where ${column} = ? and status <> 'cancelled' and id is distinct from ?::uuid
         and tstzrange(starts_at, ends_at, '[)') && tstzrange(?::timestamptz, ?::timestamptz, '[)')
       order by starts_at limit 1`,
      [id, tripId, window.startsAt.toISOString(), window.endsAt.toISOString()],
    );
    return row ? { id: row.id, startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at) } : null;
  }

  private async withStops(em: EntityManager, rows: TripRow[]): Promise<TripView[]> {
    if (rows.length === 0) {
      return [];
    }
    // An outbound stop is late when it was reached after the earliest arriveBy of a passenger booked to it.
    const stops = await em.execute<StopRow[]>(
      `select s.trip_id, s.position, s.post_id, p.code as post_code, p.name as post_name, s.arrives_at, s.departs_at,
         s.arrived_at,
         coalesce(s.arrived_at > (
           select min(e.leg_at) from transport.manifest_entry e
           where e.trip_id = s.trip_id and e.post_id = s.post_id and e.leg = 'outbound' and e.status = 'booked'
         ), false) as late
       from transport.trip_stop s left join ${ROSTER_TABLES.post} p on p.id = s.post_id
       where s.trip_id = any(?::uuid[]) order by s.trip_id, s.position`,
      [uuidArray(rows.map((row) => row.id))],
    );
    const byTrip = new Map<string, TripStopView[]>();
    for (const stop of stops) {
      const list = byTrip.get(stop.trip_id) ?? [];
      list.push({
        position: stop.position,
        postId: stop.post_id,
        postCode: stop.post_code,
        postName: stop.post_name,
        arrivesAt: iso(stop.arrives_at),
        departsAt: iso(stop.departs_at),
        arrivedAt: stop.arrived_at === null ? null : iso(stop.arrived_at),
        late: stop.late,
      });
      byTrip.set(stop.trip_id, list);
    }
    return rows.map((row) => tripView(row, byTrip.get(row.id) ?? []));
  }
}

function twice<T>(value: T): [T, T] {
  return [value, value];
}
