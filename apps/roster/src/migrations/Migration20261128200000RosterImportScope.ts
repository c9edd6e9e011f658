import { Migration } from '@mikro-orm/migrations';

/** An import batch remembers whose districts it may touch (null: all), so its rows resolve within them. */
export class Migration20261128200000RosterImportScope extends Migration {
  override up(): void {
    this.addSql('alter table roster.import_batch add column district_ids uuid[];');
  }
}
