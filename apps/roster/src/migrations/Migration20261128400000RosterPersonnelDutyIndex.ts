import { Migration } from '@mikro-orm/migrations';

/**
 * A plain index on a duty's person: the partial indexes serve only live duties, so listing a person's duties and
 * checking the foreign key when a person is deleted read the whole table.
 */
export class Migration20261128400000RosterPersonnelDutyIndex extends Migration {
  override up(): void {
    this.addSql('create index duty_assignment_personnel_idx on roster.duty_assignment (personnel_id);');
  }
}
