import { Migration } from '@mikro-orm/migrations';

/** Why a duty was last reposted (a new post or window), kept on the duty and told to the person in the notice. */
export class Migration20261129000100RosterChangeReason extends Migration {
  override up(): void {
    this.addSql('alter table roster.duty_assignment add column change_reason text;');
  }
}
