import { Migration } from '@mikro-orm/migrations';
import { serviceRoleGrantsSql } from '@rasad/common';

/**
 * The gateway service's own PostgreSQL role, rasad_gateway: it reads and writes this schema's rows and nothing else, so
 * a compromised service cannot reach another's data (docs/security.md). Later tables get the same grants by default.
 */
export class Migration20261129100000GatewayRole extends Migration {
  override up(): void {
    for (const statement of serviceRoleGrantsSql('gateway')) {
      this.addSql(statement);
    }
  }
}
