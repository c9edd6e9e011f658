import { Migration } from '@mikro-orm/migrations';
import { serviceRoleGrantsSql } from '@rasad/common';

/**
 * The roster service's own PostgreSQL role, rasad_roster: it reads and writes this schema's rows and nothing else, so
 * a compromised service cannot reach another's data (docs/security.md). Later tables get the same grants by default.
 */
export class Migration20261129100000RosterRole extends Migration {
  override up(): void {
    for (const statement of serviceRoleGrantsSql('roster')) {
      this.addSql(statement);
    }
  }
}
