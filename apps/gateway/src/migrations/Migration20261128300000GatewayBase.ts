import { Migration } from '@mikro-orm/migrations';

/** Users and the audit log: the gateway's own schema. */
export class Migration20261128300000GatewayBase extends Migration {
  override up(): void {
    this.addSql(`
      create table gateway.app_user (
        id uuid primary key,
        username text not null constraint app_user_username_unique unique,
        password_hash text not null,
        role text not null check (role in ('admin', 'logistics_officer', 'briefing_officer', 'viewer')),
        district_ids uuid[] not null default '{}',
        disabled boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table gateway.audit_log (
        id uuid primary key,
        at timestamptz not null default now(),
        actor_id uuid,
        actor text,
        action text not null,
        entity text not null,
        entity_id text,
        before jsonb,
        after jsonb,
        request_id text
      );`);
    this.addSql('create index audit_log_entity_idx on gateway.audit_log (entity, entity_id);');
    this.addSql('create index audit_log_actor_idx on gateway.audit_log (actor, id);');
  }
}
