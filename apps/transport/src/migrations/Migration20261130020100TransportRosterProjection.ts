import { Migration } from '@mikro-orm/migrations';
import { rosterProjectionSql } from '@rasad/roster-projection';
import { TRANSPORT_ROSTER_PROJECTION } from '../legs/legs.module';

/**
 * Transport's copy of the roster, kept by `@rasad/roster-projection`: people with their travel mode, posts with their
 * coordinates, duties. Drivers, stops, bookings and legs are checked and worked out against it.
 */
export class Migration20261130020100TransportRosterProjection extends Migration {
  override up(): void {
    for (const sql of rosterProjectionSql(TRANSPORT_ROSTER_PROJECTION)) {
      this.addSql(`${sql};`);
    }
  }
}
