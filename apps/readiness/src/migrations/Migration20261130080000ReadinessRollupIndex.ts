import { Migration } from '@mikro-orm/migrations';

/**
 * The district index carries every column the roll-ups read, so that a summary (one district) and the national
 * roll-up (every district) read the index alone: a verdict row is about 1 KB with its list of what is missing, its
 * entry here under 120 bytes. At 700,000 verdicts the national roll-up read 660 MB of table; it now reads 82 MB of
 * index and PostgreSQL spends a third less CPU on it (docs/benchmarks.md, "Readiness"). It replaces the index on
 * (district_id, starts_at), whose keys it keeps.
 */
export class Migration20261130080000ReadinessRollupIndex extends Migration {
  override up(): void {
    this.addSql(`create index verdict_rollup_idx on readiness.verdict (district_id, starts_at)
      include (tehsil_id, police_station_id, unit_id, phase, briefed, transported, lodged, fed, missing_count);`);
    this.addSql('drop index readiness.verdict_district_idx;');
  }
}
