import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ReadinessEvents } from '@rasad/contracts';
import { addDays, toLocalDate } from '@rasad/duty-assignments';
import { Outbox } from '@rasad/messaging';
import { ReadinessEnv } from '../readiness.env';
import {
  JudgedDuty,
  MealSlotFacts,
  PersonFacts,
  WindowRules,
  dietaryKinds,
  judge,
  slotKey,
  windowRules,
} from './verdict-rules';
import { ChangedVerdict, PostWindow, VerdictRow, VerdictsRepository } from './verdicts.repository';

/** What a run of events touched: people whose duties to judge again, posts and windows whose duties to judge again. */
export interface Touched {
  personnelIds?: readonly string[];
  posts?: readonly PostWindow[];
  dutyIds?: readonly string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Someone posted later than another at a post and slot is the one a short count leaves out. */
function assignedOrder(a: { eventId: string | null }, b: { eventId: string | null }): number {
  return (a.eventId ?? '').localeCompare(b.eventId ?? '');
}

/**
 * Judges again every live duty a run touched, reading each fact once for all of them (a statement per source), and
 * writes the verdicts that changed with their history and a `verdict.changed` event each whose missing list changed.
 */
@Injectable()
export class VerdictsService {
  constructor(
    private readonly verdicts: VerdictsRepository,
    private readonly outbox: Outbox,
    private readonly env: ReadinessEnv,
  ) {}

  async recompute(em: EntityManager, touched: Touched): Promise<number> {
    const personnelIds = [...new Set(touched.personnelIds ?? [])];
    const posts = touched.posts ?? [];
    const ids = new Set(touched.dutyIds ?? []);
    if (personnelIds.length > 0 || posts.length > 0) {
      for (const id of await this.verdicts.touchedDuties(em, personnelIds, posts)) {
        ids.add(id);
      }
    }
    if (ids.size === 0) {
      return 0;
    }
    const duties = await this.verdicts.judgedDuties(em, [...ids]);
    const judged = new Set(duties.map((duty) => duty.id));
    const rows = duties.length > 0 ? await this.judgeAll(em, duties) : [];
    const changed = [
      ...(await this.verdicts.saveVerdicts(em, rows)),
      ...(
        await this.verdicts.removeVerdicts(
          em,
          [...ids].filter((id) => !judged.has(id)),
        )
      ).map((removed) => ({ ...removed, missing: [], missingChanged: removed.missing.length > 0 })),
    ];
    await this.announce(em, changed);
    return changed.length;
  }

  private async judgeAll(em: EntityManager, duties: readonly JudgedDuty[]): Promise<VerdictRow[]> {
    const timeZone = this.env.RASAD_TIME_ZONE;
    const rules = windowRules(timeZone);
    const people = [...new Set(duties.map((duty) => duty.personnelId))];
    const [personDuties, attendance, bookings, nights, mealSlots] = await Promise.all([
      this.verdicts.liveDutiesOf(em, people),
      this.verdicts.attendanceOf(em, people),
      this.verdicts.bookingsOf(em, people),
      this.verdicts.heldNightsOf(em, people),
      this.mealSlotsFor(em, duties, rules),
    ]);
    const facts = new Map<string, PersonFacts & { nights: Set<string> }>(
      people.map((id) => [id, { duties: [], attendance: [], bookings: [], nights: new Set<string>() }]),
    );
    personDuties.forEach((row) => facts.get(row.personnelId)?.duties.push(row.duty));
    attendance.forEach((row) => facts.get(row.personnelId)?.attendance.push(row.attendance));
    bookings.forEach((row) => facts.get(row.personnelId)?.bookings.push(row.booking));
    nights.forEach((row) => facts.get(row.personnel_id)?.nights.add(row.night));
    return duties.map((duty) => {
      const { checks, missing } = judge(duty, { timeZone, person: facts.get(duty.personnelId)!, mealSlots, rules });
      return {
        assignmentId: duty.id,
        personnelId: duty.personnelId,
        districtId: duty.districtId,
        tehsilId: duty.tehsilId,
        policeStationId: duty.policeStationId,
        postId: duty.postId,
        unitId: duty.unitId,
        phase: duty.phase,
        startsAt: duty.startsAt.toISOString(),
        endsAt: duty.endsAt.toISOString(),
        ...checks,
        missing,
      };
    });
  }

  /**
   * Each meal slot the duties cover at their posts: its live plan and everyone there it must feed, counted as meals
   * counts them (`mealSlotsCovered`, a person once per post and slot), earliest assigned first.
   */
  private async mealSlotsFor(
    em: EntityManager,
    duties: readonly JudgedDuty[],
    rules: WindowRules,
  ): Promise<Map<string, MealSlotFacts>> {
    const timeZone = this.env.RASAD_TIME_ZONE;
    const posts = [...new Set(duties.map((duty) => duty.postId))];
    const from = new Date(Math.min(...duties.map((duty) => duty.startsAt.getTime())) - DAY_MS);
    const to = new Date(Math.max(...duties.map((duty) => duty.endsAt.getTime())) + DAY_MS);
    const [present, plans] = await Promise.all([
      this.verdicts.peopleAtPosts(em, posts, from, to),
      this.verdicts.livePlans(
        em,
        posts,
        addDays(toLocalDate(from, timeZone), -1),
        addDays(toLocalDate(to, timeZone), 1),
      ),
    ]);
    const slots = new Map<string, MealSlotFacts & { order: Map<string, string> }>();
    for (const person of [...present].sort(assignedOrder)) {
      for (const { date, slot } of rules.meals(person)) {
        const key = slotKey(person.postId, date, slot);
        let facts = slots.get(key);
        if (!facts) {
          facts = { plan: null, people: [], order: new Map() };
          slots.set(key, facts);
        }
        if (!facts.order.has(person.personnelId)) {
          facts.order.set(person.personnelId, person.eventId ?? '');
          facts.people.push({ personnelId: person.personnelId, dietaryKinds: dietaryKinds(person.dietaryNeeds) });
        }
      }
    }
    for (const plan of plans) {
      const key = slotKey(plan.postId, plan.date, plan.slot);
      const facts = slots.get(key) ?? { plan: null, people: [], order: new Map<string, string>() };
      facts.plan = { count: plan.count, dietary: plan.dietary };
      slots.set(key, facts);
    }
    return slots;
  }

  private async announce(em: EntityManager, changed: readonly ChangedVerdict[]): Promise<void> {
    const changedAt = new Date().toISOString();
    await this.outbox.insertMany(
      em,
      changed
        .filter((verdict) => verdict.missingChanged)
        .map((verdict) => ({
          subject: ReadinessEvents.verdictChanged,
          aggregateId: verdict.assignmentId,
          payload: {
            assignmentId: verdict.assignmentId,
            districtId: verdict.districtId,
            tehsilId: verdict.tehsilId,
            policeStationId: verdict.policeStationId,
            postId: verdict.postId,
            startsAt: verdict.startsAt,
            missing: verdict.missing,
            checks: {
              briefed: verdict.missing.every((item) => item.check !== 'briefed'),
              transported: verdict.missing.every((item) => item.check !== 'transported'),
              lodged: verdict.missing.every((item) => item.check !== 'lodged'),
              fed: verdict.missing.every((item) => item.check !== 'fed'),
            },
            changedAt,
          },
        })),
    );
  }
}
