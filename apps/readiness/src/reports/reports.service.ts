import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  DomainError,
  ErrorCode,
  ListReadinessGapsQuery,
  ListReadinessPostsQuery,
  Page,
  ReadinessAssignmentRequest,
  ReadinessAssignmentView,
  ReadinessGapView,
  ReadinessPostView,
  ReadinessRollupQuery,
  ReadinessRollupView,
  ReadinessSummaryQuery,
  ReadinessSummaryView,
} from '@rasad/contracts';
import { inScope } from '@rasad/messaging';
import { FreshnessService } from './freshness.service';
import { RollupRow, ReportsRepository, TallyRow, checksOf, percent } from './reports.repository';

const invalid = (field: string, message: string) =>
  new DomainError(ErrorCode.ValidationFailed, `${field}: ${message}`, [{ field, message }]);

const unknownDistrict = () => invalid('districtId', 'no district with this id in your districts');

/** `at` as asked: none is now (the current verdicts); the future has no report yet. */
function reportTime(at: string | undefined): Date | null {
  if (at === undefined) {
    return null;
  }
  const time = new Date(at);
  if (time.getTime() > Date.now()) {
    throw invalid('at', 'must not be in the future');
  }
  return time;
}

function tally(row: TallyRow) {
  return {
    assignments: row.assignments,
    green: row.green,
    amber: row.amber,
    red: row.red,
    percentReady: percent(row.green, row.assignments),
    checks: checksOf(row),
  };
}

function totals(row: TallyRow) {
  return {
    assignments: row.assignments,
    green: row.green,
    amber: row.amber,
    red: row.red,
    ready: row.green,
    percentReady: percent(row.green, row.assignments),
  };
}

const EMPTY: TallyRow = { assignments: 0, green: 0, amber: 0, red: 0, briefed: 0, transported: 0, lodged: 0, fed: 0 };

/**
 * The reports: a district's roll-ups, its posts, its gaps and one duty's verdict, as they stood at `at`. Scope is
 * checked here: a district outside the caller's, or one readiness has no post in, is the same 400 (no hint that it
 * exists); an assignment outside it is a 404.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly freshness: FreshnessService,
  ) {}

  async summary(query: ReadinessSummaryQuery, scope: CallerScope): Promise<ReadinessSummaryView> {
    const at = reportTime(query.at);
    if (!inScope(scope, query.districtId)) {
      throw unknownDistrict();
    }
    const [{ known, rows }, freshness] = await Promise.all([
      this.reports.rollups(query.districtId, at),
      this.freshness.freshness(at),
    ]);
    if (!known) {
      throw unknownDistrict();
    }
    const of = (grouping: string) => rows.filter((row) => row.grouping === grouping);
    const total = of('total')[0] ?? EMPTY;
    const named = { name: null };
    return {
      districtId: query.districtId,
      at: (at ?? new Date()).toISOString(),
      totals: totals(total),
      checks: checksOf(total),
      byTehsil: of('tehsil').map((row: RollupRow) => ({ tehsilId: row.tehsil_id!, ...named, ...tally(row) })),
      byPoliceStation: of('police_station').map((row) => ({
        policeStationId: row.police_station_id!,
        tehsilId: row.tehsil_id!,
        ...named,
        ...tally(row),
      })),
      byUnit: of('unit').map((row) => ({ unitId: row.unit_id, ...named, ...tally(row) })),
      byPhase: of('phase').map((row) => ({ phase: row.phase!, ...named, ...tally(row) })),
      freshness,
    };
  }

  /** Every district in the caller's scope at once: what a commander over many districts (an admin: all) reads. */
  async rollup(query: ReadinessRollupQuery, scope: CallerScope): Promise<ReadinessRollupView> {
    const at = reportTime(query.at);
    const [rows, freshness] = await Promise.all([this.reports.scopeRollups(scope, at), this.freshness.freshness(at)]);
    const of = (grouping: string) => rows.filter((row) => row.grouping === grouping);
    const total = of('total')[0] ?? EMPTY;
    const named = { name: null };
    return {
      at: (at ?? new Date()).toISOString(),
      totals: totals(total),
      checks: checksOf(total),
      byDistrict: of('district').map((row) => ({ districtId: row.district_id!, ...named, ...tally(row) })),
      byUnit: of('unit').map((row) => ({ unitId: row.unit_id, ...named, ...tally(row) })),
      byPhase: of('phase').map((row) => ({ phase: row.phase!, ...named, ...tally(row) })),
      freshness,
    };
  }

  async posts(query: ListReadinessPostsQuery, scope: CallerScope): Promise<Page<ReadinessPostView>> {
    const at = reportTime(query.at);
    if (query.districtId) {
      await this.ensureDistrict(query.districtId, scope);
    }
    return this.reports.posts(query, scope, at);
  }

  async gaps(query: ListReadinessGapsQuery, scope: CallerScope): Promise<Page<ReadinessGapView>> {
    const at = reportTime(query.at);
    if (query.districtId) {
      await this.ensureDistrict(query.districtId, scope);
    }
    return this.reports.gaps(query, scope, at);
  }

  async assignment(request: ReadinessAssignmentRequest, scope: CallerScope): Promise<ReadinessAssignmentView> {
    const at = reportTime(request.at);
    const verdict = await this.reports.assignment(request.id, at);
    if (!verdict || !inScope(scope, verdict.districtId)) {
      throw DomainError.notFound('readiness assignment', request.id);
    }
    return { ...verdict, at: (at ?? new Date()).toISOString() };
  }

  private async ensureDistrict(districtId: string, scope: CallerScope): Promise<void> {
    if (!inScope(scope, districtId) || !(await this.reports.knowsDistrict(districtId))) {
      throw unknownDistrict();
    }
  }
}
