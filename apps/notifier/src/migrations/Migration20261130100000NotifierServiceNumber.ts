import { Migration } from '@mikro-orm/migrations';

/**
 * The service number beside a person's name and rank, so the delivery log names them as an officer reads a roll.
 * People recorded before this migration get it with their next event; until then the log shows null.
 */
export class Migration20261130100000NotifierServiceNumber extends Migration {
  override up(): void {
    this.addSql('alter table notifier.recipient add column service_number text;');
  }

  override down(): void {
    this.addSql('alter table notifier.recipient drop column if exists service_number;');
  }
}
