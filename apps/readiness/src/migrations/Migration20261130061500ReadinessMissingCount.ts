import { Migration } from '@mikro-orm/migrations';

/**
 * How many things a verdict lacks, kept beside the list: the reports colour every row for their `at`, and reading a
 * jsonb array's length per row (three times, once per colour counted) cost the district summary a third more than
 * the bare GROUP BY.
 */
export class Migration20261130061500ReadinessMissingCount extends Migration {
  override up(): void {
    for (const table of ['verdict', 'verdict_history']) {
      this.addSql(
        `alter table readiness.${table}
           add column missing_count int generated always as (jsonb_array_length(missing)) stored;`,
      );
    }
  }
}
