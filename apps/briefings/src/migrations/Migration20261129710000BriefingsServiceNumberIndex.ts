import { Migration } from '@mikro-orm/migrations';

/**
 * Officers name people by the service number on their card in roll calls and invitations. Not unique here: the
 * roster holds that rule, and its events may briefly show a number on two people while a renumbering arrives.
 */
export class Migration20261129710000BriefingsServiceNumberIndex extends Migration {
  override up(): void {
    this.addSql('create index personnel_service_number_idx on briefings.personnel (service_number);');
  }
}
