import { Migration } from '@mikro-orm/migrations';

/**
 * The legs each person's duties need (`legsNeeded` over the roster projection's duties), one row per person, kind,
 * post and time. A leg no duty needs any more (a reposting, a cancellation) stays as `void` with its reason, and
 * comes back to `needed` if the duty returns; whether a leg is covered is read from the manifests when listed.
 */
export class Migration20261130020000TransportLegs extends Migration {
  override up(): void {
    this.addSql(`
      create table transport.leg (
        id uuid primary key default transport.uuid_v7(),
        personnel_id uuid not null,
        post_id uuid not null,
        kind text not null constraint leg_kind_known check (kind in ('outbound', 'return')),
        at timestamptz not null,
        duty_ids uuid[] not null,
        status text not null default 'needed' constraint leg_status_known check (status in ('needed', 'void')),
        void_reason text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint leg_once unique (personnel_id, kind, post_id, at)
      );`);
    // A leg's district is its post's, read from the projection when listed: a post may arrive after its duties.
    this.addSql('create index leg_at_idx on transport.leg (at, post_id);');
    this.addSql(
      `create index manifest_entry_person_idx on transport.manifest_entry (personnel_id, post_id) where status = 'booked';`,
    );
  }
}
