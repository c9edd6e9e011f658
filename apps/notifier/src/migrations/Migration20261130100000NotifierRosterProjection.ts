import { Migration } from '@mikro-orm/migrations';
import { rosterProjectionSql } from '@rasad/roster-projection';

/**
 * The notifier's copy of the roster becomes `@rasad/roster-projection`'s, the same tables as briefings', with phones
 * (the notifier alone sends to people): `recipient` is now `personnel`, and posts and duties gain the lib's columns.
 * Rows already there keep what they had; the columns they lack (a person's service number and unit, a post's kind
 * and police station, a duty's role, phase and window) stay empty until their record's next event, and nothing in
 * the notifier reads those yet. People's channels stay the notifier's own (`channel_preference`).
 */
export class Migration20261130100000NotifierRosterProjection extends Migration {
  override up(): void {
    this.addSql('alter table notifier.recipient rename to personnel;');
    this.addSql('alter table notifier.personnel rename constraint recipient_pkey to personnel_pkey;');
    for (const sql of rosterProjectionSql({
      schema: 'notifier',
      tables: ['personnel', 'post', 'duty'],
      phones: true,
    })) {
      this.addSql(`${sql};`);
    }
  }
}
