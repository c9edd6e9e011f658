import { Migration } from '@mikro-orm/migrations';
import { serviceRoleGrantsSql } from '@rasad/common';

/**
 * The service's own PostgreSQL role, rasad_readiness: it reads and writes this schema's rows and nothing else, so a
 * compromised service cannot reach another's data (docs/security.md). Later tables get the same grants by default.
 */
export class Migration20261130045928Role extends Migration {
  override up(): void {
    for (const statement of serviceRoleGrantsSql('readiness')) {
      this.addSql(statement);
    }
  }
}
