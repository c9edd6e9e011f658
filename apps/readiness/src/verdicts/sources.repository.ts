import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AllocationEvent,
  AttendanceRecordedEvent,
  EventEnvelope,
  ManifestEvent,
  MealPlanEvent,
  TripEvent,
} from '@rasad/contracts';
import { EventOf, uuidArray } from '@rasad/messaging';
import { boundRows } from './verdicts.repository';

/** The latest event of each record in a run wins, and a row keeps the later of what it held and what came. */
const LATER = (table: string) => `where ${table}.event_id < excluded.event_id`;

/**
 * What the other services reported, kept as the latest event of each record says (one statement per run), and
 * how far each source has been applied.
 */
@Injectable()
export class SourcesRepository {
  async upsertAttendance(em: EntityManager, events: readonly EventOf<AttendanceRecordedEvent>[]): Promise<void> {
    const rows = events.flatMap(({ payload, envelope }) =>
      payload.entries.map((entry) => ({
        session_id: payload.sessionId,
        personnel_id: entry.personnelId,
        status: entry.status,
        topics: payload.topics,
        ends_at: payload.endsAt,
        ack: entry.codeOfConductAcknowledgedAt ?? null,
        event_id: envelope.id,
      })),
    );
    await boundRows(
      em,
      `insert into readiness.attendance as attendance
         (session_id, personnel_id, status, topics, ends_at, code_of_conduct_acknowledged_at, event_id)
       select distinct on (session_id, personnel_id)
              session_id, personnel_id, status, array(select jsonb_array_elements_text(topics)), ends_at, ack, event_id
       from jsonb_to_recordset(?::jsonb) as r(session_id uuid, personnel_id uuid, status text, topics jsonb,
         ends_at timestamptz, ack timestamptz, event_id uuid)
       order by session_id, personnel_id, event_id desc
       on conflict (session_id, personnel_id) do update set status = excluded.status, topics = excluded.topics,
         ends_at = excluded.ends_at, code_of_conduct_acknowledged_at = excluded.code_of_conduct_acknowledged_at,
         event_id = excluded.event_id
       ${LATER('attendance')}`,
      [JSON.stringify(rows)],
    );
  }

  async upsertMealPlans(em: EntityManager, events: readonly EventOf<MealPlanEvent>[]): Promise<void> {
    const rows = events.map(({ payload, envelope }) => ({
      id: payload.id,
      post_id: payload.postId,
      date: payload.date,
      slot: payload.slot,
      count: payload.count,
      dietary: payload.dietary,
      status: payload.status,
      event_id: envelope.id,
    }));
    await boundRows(
      em,
      `insert into readiness.meal_plan as meal_plan (id, post_id, date, slot, count, dietary, status, event_id)
       select distinct on (id) id, post_id, date, slot, count, dietary, status, event_id
       from jsonb_to_recordset(?::jsonb) as r(id uuid, post_id uuid, date date, slot text, count int, dietary jsonb,
         status text, event_id uuid)
       order by id, event_id desc
       on conflict (id) do update set post_id = excluded.post_id, date = excluded.date, slot = excluded.slot,
         count = excluded.count, dietary = excluded.dietary, status = excluded.status, event_id = excluded.event_id
       ${LATER('meal_plan')}`,
      [JSON.stringify(rows)],
    );
  }

  /** Trips as they last stood; their booked entries take their stop's new times. Answers who travels on them. */
  async upsertTrips(em: EntityManager, events: readonly EventOf<TripEvent>[]): Promise<string[]> {
    const rows = events.map(({ payload, envelope }) => ({
      id: payload.id,
      status: payload.status,
      stops: payload.stops,
      event_id: envelope.id,
    }));
    await boundRows(
      em,
      `insert into readiness.trip as trip (id, status, stops, event_id)
       select distinct on (id) id, status, stops, event_id
       from jsonb_to_recordset(?::jsonb) as r(id uuid, status text, stops jsonb, event_id uuid)
       order by id, event_id desc
       on conflict (id) do update set status = excluded.status, stops = excluded.stops, event_id = excluded.event_id
       ${LATER('trip')}`,
      [JSON.stringify(rows)],
    );
    const ids = uuidArray([...new Set(rows.map((row) => row.id))]);
    const people = await boundRows<{ personnel_id: string }>(
      em,
      `with stops as (
         select t.id as trip_id, (s->>'postId')::uuid as post_id, (s->>'arrivesAt')::timestamptz as arrives_at,
                (s->>'departsAt')::timestamptz as departs_at
         from readiness.trip t, jsonb_array_elements(t.stops) s where t.id = any(?::uuid[])
       ), moved as (
         update readiness.manifest_entry e set stop_arrives_at = s.arrives_at, stop_departs_at = s.departs_at
         from stops s where e.trip_id = s.trip_id and e.post_id = s.post_id
       )
       select distinct personnel_id from readiness.manifest_entry where trip_id = any(?::uuid[])`,
      [ids, ids],
    );
    return people.map((row) => row.personnel_id);
  }

  async upsertManifests(
    em: EntityManager,
    events: readonly EventOf<ManifestEvent>[],
    status: 'booked' | 'cancelled',
  ): Promise<void> {
    const rows = events.map(({ payload, envelope }) => ({
      id: payload.entryId,
      trip_id: payload.tripId,
      personnel_id: payload.personnelId,
      post_id: payload.postId,
      leg: payload.leg,
      status,
      arrives: payload.stopArrivesAt,
      departs: payload.stopDepartsAt,
      event_id: envelope.id,
    }));
    await boundRows(
      em,
      `insert into readiness.manifest_entry as manifest_entry
         (id, trip_id, personnel_id, post_id, leg, status, stop_arrives_at, stop_departs_at, event_id)
       select distinct on (id) id, trip_id, personnel_id, post_id, leg, status, arrives, departs, event_id
       from jsonb_to_recordset(?::jsonb) as r(id uuid, trip_id uuid, personnel_id uuid, post_id uuid, leg text,
         status text, arrives timestamptz, departs timestamptz, event_id uuid)
       order by id, event_id desc
       on conflict (id) do update set status = excluded.status, stop_arrives_at = excluded.stop_arrives_at,
         stop_departs_at = excluded.stop_departs_at, event_id = excluded.event_id
       ${LATER('manifest_entry')}`,
      [JSON.stringify(rows)],
    );
  }

  /** Each allocation with the nights it still holds, as its latest event says. */
  async upsertAllocations(em: EntityManager, allocations: readonly { allocation: AllocationEvent; eventId: string }[]) {
    const rows = allocations.map(({ allocation, eventId }) => ({
      id: allocation.id,
      personnel_id: allocation.personnelId,
      nights: allocation.nights,
      event_id: eventId,
    }));
    await boundRows(
      em,
      `insert into readiness.allocation as allocation (id, personnel_id, nights, event_id)
       select distinct on (id) id, personnel_id, array(select jsonb_array_elements_text(nights))::date[], event_id
       from jsonb_to_recordset(?::jsonb) as r(id uuid, personnel_id uuid, nights jsonb, event_id uuid)
       order by id, event_id desc
       on conflict (id) do update set personnel_id = excluded.personnel_id, nights = excluded.nights,
         event_id = excluded.event_id
       ${LATER('allocation')}`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * How far a source is applied: a row per run (appended, so the four transactions of a batch never wait on one
   * row), summed when read.
   */
  async recordApplied(em: EntityManager, envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) {
      return;
    }
    await boundRows(
      em,
      `insert into readiness.source_applied (service, subject, events, last_event_at, applied_at)
       select split_part(subject, '.', 2), subject, count(*), max(occurred_at), now()
       from jsonb_to_recordset(?::jsonb) as r(id uuid, subject text, occurred_at timestamptz)
       group by subject`,
      [JSON.stringify(envelopes.map((e) => ({ id: e.id, subject: e.type, occurred_at: e.occurredAt })))],
    );
    await this.compactApplied(em);
  }

  /**
   * Sums the runs applied more than an hour ago into a row per subject and hour, so the table grows by hours, not by
   * runs; one transaction at a time does it (the others skip it). A report as of an hour or more ago sees its
   * freshness to the hour.
   */
  private async compactApplied(em: EntityManager): Promise<void> {
    await boundRows(
      em,
      `with gone as (
         delete from readiness.source_applied
         where not compacted and applied_at < now() - interval '1 hour'
           and pg_try_advisory_xact_lock(hashtext('readiness.source_applied'))
         returning *
       )
       insert into readiness.source_applied (service, subject, events, last_event_at, applied_at, compacted)
       select service, subject, sum(events), max(last_event_at), max(applied_at), true
       from gone group by service, subject, date_trunc('hour', applied_at)`,
    );
  }
}
