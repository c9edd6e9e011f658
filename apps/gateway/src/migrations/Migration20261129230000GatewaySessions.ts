import { Migration } from '@mikro-orm/migrations';

/**
 * Sessions that can be ended: a user's session epoch, carried in every access token and bumped when their password,
 * role, districts or disabled flag change; and refresh tokens, stored only as SHA-256 digests.
 */
export class Migration20261129230000GatewaySessions extends Migration {
  override up(): void {
    this.addSql('alter table gateway.app_user add column session_epoch integer not null default 0;');
    this.addSql(`
      create table gateway.refresh_token (
        id uuid primary key,
        user_id uuid not null references gateway.app_user (id) on delete cascade,
        family_id uuid not null,
        token_sha256 bytea not null constraint refresh_token_sha256_unique unique,
        expires_at timestamptz not null,
        created_at timestamptz not null default now(),
        rotated_at timestamptz,
        revoked_at timestamptz
      );`);
    this.addSql('create index refresh_token_family_idx on gateway.refresh_token (family_id);');
    this.addSql('create index refresh_token_user_idx on gateway.refresh_token (user_id, expires_at);');
  }
}
