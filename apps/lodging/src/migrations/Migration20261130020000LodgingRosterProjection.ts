import { Migration } from '@mikro-orm/migrations';
import { rosterProjectionSql } from '@rasad/roster-projection';

/**
 * Lodging's copy of the roster (`@rasad/roster-projection`): people with their gender (rooms are for men, women or
 * anyone), posts with their coordinates and remote flag (nearest site, `needsLodging`), and duties (nights needed).
 */
export class Migration20261130020000LodgingRosterProjection extends Migration {
  override up(): void {
    for (const sql of rosterProjectionSql({
      schema: 'lodging',
      tables: ['personnel', 'post', 'duty'],
      genders: true,
      postPlaces: true,
    })) {
      this.addSql(`${sql};`);
    }
  }
}
