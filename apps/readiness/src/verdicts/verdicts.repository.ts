import { EntityManager, Knex } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { BriefingTopic } from '@rasad/duty-assignments';
import { TravelMode } from '@rasad/personnel';
import { uuidArray } from '@rasad/messaging';
import { Booking, JudgedDuty, MissingItem } from './verdict-rules';

/**
 * A statement's rows, its values sent as bind parameters on the EntityManager's transaction. `em.execute` writes each
 * value into the SQL text, escaping it character by character (escapeLiteral), which for the JSON recordsets and id
 * lists the read model sends per run costs CPU per event (docs/benchmarks.md, "Readiness").
 */
export async function boundRows<T = unknown>(em: EntityManager, sql: string, values: readonly unknown[] = []) {
  const query = em.getKnex().raw(sql, values as Knex.RawBinding[]);
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (transaction) {
    void query.transacting(transaction);
  }
  return ((await query) as { rows: T[] }).rows;
}

/** Posts whose duties in a window must be judged again (a meal plan, a post's change, a duty moved in or out). */
export interface PostWindow {
  postId: string;
  from: Date;
  to: Date;
  /**
   * Only if a live meal plan at the post might count them: a duty coming or going changes others' verdicts at its
   * post only through a plan's headcount (without a plan they lack it whoever else is posted there).
   */
  plannedOnly?: boolean;
}

/** A verdict as stored: the duty's dimensions, each check, what is missing. */
export interface VerdictRow {
  assignmentId: string;
  personnelId: string;
  districtId: string;
  tehsilId: string;
  policeStationId: string;
  postId: string;
  unitId: string | null;
  phase: string;
  startsAt: string;
  endsAt: string;
  briefed: boolean;
  transported: boolean;
  lodged: boolean;
  fed: boolean;
  missing: MissingItem[];
}

/** A verdict whose missing list changed in this transaction, for the event. */
export interface ChangedVerdict extends VerdictRow {
  missingChanged: boolean;
}

export interface SlotPerson {
  postId: string;
  personnelId: string;
  startsAt: Date;
  endsAt: Date;
  dietaryNeeds: string[] | null;
  eventId: string | null;
}

export interface PlanRow {
  postId: string;
  date: string;
  slot: string;
  count: number;
  dietary: Record<string, unknown>;
}

const VERDICT_RECORDSET = `r(assignment_id uuid, personnel_id uuid, district_id uuid, tehsil_id uuid,
  police_station_id uuid, post_id uuid, unit_id uuid, phase text, starts_at timestamptz, ends_at timestamptz,
  briefed boolean, transported boolean, lodged boolean, fed boolean, missing jsonb)`;
const VERDICT_COLUMNS = `assignment_id, personnel_id, district_id, tehsil_id, police_station_id, post_id, unit_id, phase,
  starts_at, ends_at, briefed, transported, lodged, fed, missing`;

const toRecord = (v: VerdictRow) => ({
  assignment_id: v.assignmentId,
  personnel_id: v.personnelId,
  district_id: v.districtId,
  tehsil_id: v.tehsilId,
  police_station_id: v.policeStationId,
  post_id: v.postId,
  unit_id: v.unitId,
  phase: v.phase,
  starts_at: v.startsAt,
  ends_at: v.endsAt,
  briefed: v.briefed,
  transported: v.transported,
  lodged: v.lodged,
  fed: v.fed,
  missing: v.missing,
});

interface StoredRow {
  assignment_id: string;
  personnel_id: string;
  district_id: string;
  tehsil_id: string;
  police_station_id: string;
  post_id: string;
  unit_id: string | null;
  phase: string;
  starts_at: string | Date;
  ends_at: string | Date;
  briefed: boolean;
  transported: boolean;
  lodged: boolean;
  fed: boolean;
  missing: MissingItem[];
  missing_changed?: boolean;
}

const iso = (value: string | Date) => new Date(value).toISOString();

const fromStored = (row: StoredRow): ChangedVerdict => ({
  assignmentId: row.assignment_id,
  personnelId: row.personnel_id,
  districtId: row.district_id,
  tehsilId: row.tehsil_id,
  policeStationId: row.police_station_id,
  postId: row.post_id,
  unitId: row.unit_id,
  phase: row.phase,
  startsAt: iso(row.starts_at),
  endsAt: iso(row.ends_at),
  briefed: row.briefed,
  transported: row.transported,
  lodged: row.lodged,
  fed: row.fed,
  missing: row.missing,
  missingChanged: row.missing_changed ?? true,
});

/**
 * The verdicts' SQL: which duties a batch touched, the facts the four checks read (one statement each for all the
 * touched duties), and the set-based write of the verdicts with their history.
 */
@Injectable()
export class VerdictsRepository {
  /** Every duty (any status) of these people, and those at these posts meeting these windows. */
  async touchedDuties(em: EntityManager, personnelIds: readonly string[], posts: readonly PostWindow[]) {
    const rows = await boundRows<{ id: string }>(
      em,
      `select d.id from readiness.duty d where d.personnel_id = any(?::uuid[])
       union
       select d.id from readiness.duty d
       join jsonb_to_recordset(?::jsonb) as w(post_id uuid, "from" timestamptz, "to" timestamptz, planned_only boolean)
         on d.post_id = w.post_id and d.starts_at < w."to" and d.ends_at > w."from"
       where not w.planned_only or exists (
         select 1 from readiness.meal_plan mp where mp.post_id = w.post_id and mp.status <> 'cancelled'
           and mp.date between (w."from" - interval '1 day')::date and (w."to" + interval '1 day')::date)`,
      [
        uuidArray([...personnelIds]),
        JSON.stringify(
          posts.map((p) => ({
            post_id: p.postId,
            from: p.from.toISOString(),
            to: p.to.toISOString(),
            planned_only: p.plannedOnly ?? false,
          })),
        ),
      ],
    );
    return rows.map((row) => row.id);
  }

  /** Every duty of these posts (a post's district, tehsil or remote flag changed). */
  async dutiesAtPosts(em: EntityManager, postIds: readonly string[]): Promise<string[]> {
    const rows = await boundRows<{ id: string }>(em, `select id from readiness.duty where post_id = any(?::uuid[])`, [
      uuidArray([...postIds]),
    ]);
    return rows.map((row) => row.id);
  }

  /** The live duties among these ids whose post is known, with what the checks need of post and person. */
  async judgedDuties(em: EntityManager, ids: readonly string[]): Promise<JudgedDuty[]> {
    const rows = await boundRows<{
      id: string;
      personnel_id: string;
      post_id: string;
      code: string;
      district_id: string;
      tehsil_id: string;
      police_station_id: string;
      remote: boolean | null;
      unit_id: string | null;
      home_district_id: string | null;
      travel_mode: TravelMode | null;
      phase: string;
      starts_at: Date;
      ends_at: Date;
    }>(
      em,
      `select d.id, d.personnel_id, d.post_id, po.code, po.district_id, po.tehsil_id, po.police_station_id, po.remote,
              p.unit_id, p.home_district_id, p.travel_mode, d.phase, d.starts_at, d.ends_at
       from readiness.duty d
       join readiness.post po on po.id = d.post_id
       left join readiness.personnel p on p.id = d.personnel_id
       where d.id = any(?::uuid[]) and d.status <> 'cancelled'`,
      [uuidArray([...ids])],
    );
    return rows.map((row) => ({
      id: row.id,
      personnelId: row.personnel_id,
      postId: row.post_id,
      postCode: row.code,
      districtId: row.district_id,
      tehsilId: row.tehsil_id,
      policeStationId: row.police_station_id,
      postRemote: row.remote ?? false,
      unitId: row.unit_id,
      homeDistrictId: row.home_district_id,
      travelMode: row.travel_mode,
      phase: row.phase,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
    }));
  }

  async liveDutiesOf(em: EntityManager, personnelIds: readonly string[]) {
    const rows = await boundRows<{ id: string; personnel_id: string; post_id: string; starts_at: Date; ends_at: Date }>(
      em,
      `select id, personnel_id, post_id, starts_at, ends_at from readiness.duty
       where personnel_id = any(?::uuid[]) and status <> 'cancelled'`,
      [uuidArray([...personnelIds])],
    );
    return rows.map((row) => ({
      personnelId: row.personnel_id,
      duty: {
        id: row.id,
        postId: row.post_id,
        startsAt: new Date(row.starts_at),
        endsAt: new Date(row.ends_at),
      },
    }));
  }

  async attendanceOf(em: EntityManager, personnelIds: readonly string[]) {
    const rows = await boundRows<{
      personnel_id: string;
      status: string;
      topics: BriefingTopic[];
      ends_at: Date;
      ack: Date | null;
    }>(
      em,
      `select personnel_id, status, topics, ends_at, code_of_conduct_acknowledged_at as ack
       from readiness.attendance where personnel_id = any(?::uuid[])`,
      [uuidArray([...personnelIds])],
    );
    return rows.map((row) => ({
      personnelId: row.personnel_id,
      attendance: {
        status: row.status,
        topics: row.topics,
        endsAt: new Date(row.ends_at),
        codeOfConductAcknowledgedAt: row.ack ? new Date(row.ack) : null,
      },
    }));
  }

  /** Booked entries on trips not cancelled, at their stop's times as the trip last stood. */
  async bookingsOf(em: EntityManager, personnelIds: readonly string[]) {
    const rows = await boundRows<{
      personnel_id: string;
      post_id: string;
      leg: Booking['leg'];
      arrives: Date;
      departs: Date;
    }>(
      em,
      `select e.personnel_id, e.post_id, e.leg, e.stop_arrives_at as arrives, e.stop_departs_at as departs
       from readiness.manifest_entry e left join readiness.trip t on t.id = e.trip_id
       where e.personnel_id = any(?::uuid[]) and e.status = 'booked' and coalesce(t.status, 'planned') <> 'cancelled'`,
      [uuidArray([...personnelIds])],
    );
    return rows.map((row) => ({
      personnelId: row.personnel_id,
      booking: {
        postId: row.post_id,
        leg: row.leg,
        stopArrivesAt: new Date(row.arrives),
        stopDepartsAt: new Date(row.departs),
      },
    }));
  }

  async heldNightsOf(em: EntityManager, personnelIds: readonly string[]) {
    return boundRows<{ personnel_id: string; night: string }>(
      em,
      `select distinct personnel_id, to_char(night, 'YYYY-MM-DD') as night
       from readiness.allocation, unnest(nights) as night where personnel_id = any(?::uuid[])`,
      [uuidArray([...personnelIds])],
    );
  }

  /** Everyone on a live duty at these posts meeting the window, with dietary needs and the duty's last event. */
  async peopleAtPosts(em: EntityManager, postIds: readonly string[], from: Date, to: Date): Promise<SlotPerson[]> {
    const rows = await boundRows<{
      post_id: string;
      personnel_id: string;
      starts_at: Date;
      ends_at: Date;
      dietary_needs: string[] | null;
      event_id: string | null;
    }>(
      em,
      `select d.post_id, d.personnel_id, d.starts_at, d.ends_at, p.dietary_needs, d.event_id
       from readiness.duty d left join readiness.personnel p on p.id = d.personnel_id
       where d.post_id = any(?::uuid[]) and d.status <> 'cancelled' and d.starts_at < ? and d.ends_at > ?`,
      [uuidArray([...postIds]), to.toISOString(), from.toISOString()],
    );
    return rows.map((row) => ({
      postId: row.post_id,
      personnelId: row.personnel_id,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
      dietaryNeeds: row.dietary_needs,
      eventId: row.event_id,
    }));
  }

  async livePlans(em: EntityManager, postIds: readonly string[], from: string, to: string): Promise<PlanRow[]> {
    const rows = await boundRows<{
      post_id: string;
      date: string;
      slot: string;
      count: number;
      dietary: Record<string, unknown>;
    }>(
      em,
      `select post_id, to_char(date, 'YYYY-MM-DD') as date, slot, count, dietary from readiness.meal_plan
       where post_id = any(?::uuid[]) and status <> 'cancelled' and date between ?::date and ?::date`,
      [uuidArray([...postIds]), from, to],
    );
    return rows.map((row) => ({
      postId: row.post_id,
      date: row.date,
      slot: row.slot,
      count: row.count,
      dietary: row.dietary,
    }));
  }

  /**
   * Writes the verdicts that differ from the current ones, and their history: the open row of each is closed at
   * this transaction's time (or replaced, when it opened in this same transaction) and the new one opens there.
   * Answers the rows written, each saying whether its missing list changed.
   */
  async saveVerdicts(em: EntityManager, verdicts: readonly VerdictRow[]): Promise<ChangedVerdict[]> {
    if (verdicts.length === 0) {
      return [];
    }
    const changed = await boundRows<{ assignment_id: string; missing_changed: boolean }>(
      em,
      `with incoming as (
         select * from jsonb_to_recordset(?::jsonb) as ${VERDICT_RECORDSET}
       ), changed as (
         select i.*, v.missing is distinct from i.missing as missing_changed
         from incoming i left join readiness.verdict v on v.assignment_id = i.assignment_id
         where v.assignment_id is null
            or (v.personnel_id, v.district_id, v.tehsil_id, v.police_station_id, v.post_id, v.unit_id, v.phase,
                v.starts_at, v.ends_at, v.briefed, v.transported, v.lodged, v.fed, v.missing)
               is distinct from
               (i.personnel_id, i.district_id, i.tehsil_id, i.police_station_id, i.post_id, i.unit_id, i.phase,
                i.starts_at, i.ends_at, i.briefed, i.transported, i.lodged, i.fed, i.missing)
       ), written as (
         insert into readiness.verdict (${VERDICT_COLUMNS}, since)
         select ${VERDICT_COLUMNS}, now() from changed
         on conflict (assignment_id) do update set
           personnel_id = excluded.personnel_id, district_id = excluded.district_id, tehsil_id = excluded.tehsil_id,
           police_station_id = excluded.police_station_id, post_id = excluded.post_id, unit_id = excluded.unit_id,
           phase = excluded.phase, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
           briefed = excluded.briefed, transported = excluded.transported, lodged = excluded.lodged,
           fed = excluded.fed, missing = excluded.missing, since = now()
       )
       select assignment_id, missing_changed from changed`,
      [JSON.stringify(verdicts.map(toRecord))],
    );
    if (changed.length === 0) {
      return [];
    }
    const ids = changed.map((row) => row.assignment_id);
    await this.closeHistory(em, ids);
    // The rows just written, read back on this transaction: the recordset is not sent twice.
    await boundRows(
      em,
      `insert into readiness.verdict_history (${VERDICT_COLUMNS}, valid)
       select ${VERDICT_COLUMNS}, tstzrange(now(), null, '[)') from readiness.verdict where assignment_id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
    const byId = new Map(verdicts.map((verdict) => [verdict.assignmentId, verdict]));
    return changed.map((row) => ({ ...byId.get(row.assignment_id)!, missingChanged: row.missing_changed }));
  }

  /** Takes duties no longer live out of the current verdicts; their history ends now. Answers what was removed. */
  async removeVerdicts(em: EntityManager, assignmentIds: readonly string[]): Promise<ChangedVerdict[]> {
    if (assignmentIds.length === 0) {
      return [];
    }
    const removed = await boundRows<StoredRow>(
      em,
      `delete from readiness.verdict where assignment_id = any(?::uuid[]) returning ${VERDICT_COLUMNS}`,
      [uuidArray([...assignmentIds])],
    );
    if (removed.length > 0) {
      await this.closeHistory(
        em,
        removed.map((row) => row.assignment_id),
      );
    }
    return removed.map(fromStored);
  }

  /** A verdict opened in this same transaction is replaced rather than closed: a range may not be empty. */
  private async closeHistory(em: EntityManager, assignmentIds: readonly string[]): Promise<void> {
    const ids = uuidArray([...assignmentIds]);
    await boundRows(
      em,
      `delete from readiness.verdict_history
       where assignment_id = any(?::uuid[]) and upper_inf(valid) and lower(valid) = now()`,
      [ids],
    );
    await boundRows(
      em,
      `update readiness.verdict_history set valid = tstzrange(lower(valid), now(), '[)')
       where assignment_id = any(?::uuid[]) and upper_inf(valid)`,
      [ids],
    );
  }
}
