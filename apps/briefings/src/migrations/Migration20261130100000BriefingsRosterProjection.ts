import { Migration } from '@mikro-orm/migrations';
import { rosterProjectionSql } from '@rasad/roster-projection';

/**
 * Briefings' copy of the roster becomes `@rasad/roster-projection`'s: its tables already had the lib's columns, and
 * gain `event_id`, the last event applied to each row, so an event overtaken by a later one of its record (a retry)
 * no longer overwrites it. Rows already there have none, and take the next event of their record.
 */
export class Migration20261130100000BriefingsRosterProjection extends Migration {
  override up(): void {
    for (const sql of rosterProjectionSql({ schema: 'briefings', tables: ['personnel', 'post', 'duty'] })) {
      this.addSql(`${sql};`);
    }
  }
}
