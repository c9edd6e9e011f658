import { Migration } from '@mikro-orm/migrations';

/**
 * People leave: a person is deactivated, not deleted, so their history stays. A deactivated person holds no duty
 * still to come, also when a duty is written while they are being deactivated: after each statement that writes
 * duties, the people concerned are locked (FOR SHARE, which the deactivation's row lock waits for and blocks) and
 * then read as they are now. Deactivation locks the person first and cancels their duties after, so a duty written
 * at the same moment either comes first and is cancelled, or comes second and is refused here.
 */
export class Migration20261129000000RosterPersonnelDeactivation extends Migration {
  override up(): void {
    this.addSql(
      'alter table roster.personnel add column deactivated_at timestamptz, add column deactivation_reason text;',
    );
    this.addSql(`
      create function roster.duty_needs_active_personnel() returns trigger language plpgsql as $$
      declare
        inactive uuid;
      begin
        perform 1 from roster.personnel p
          where p.id in (select personnel_id from new_duties where status <> 'cancelled' and ends_at > now())
          order by p.id for share of p;
        select p.id into inactive from roster.personnel p
          where p.deactivated_at is not null
            and p.id in (select personnel_id from new_duties where status <> 'cancelled' and ends_at > now())
          limit 1;
        if inactive is not null then
          raise exception 'personnel % is deactivated and cannot be given duties', inactive
            using errcode = 'check_violation', constraint = 'duty_assignment_personnel_active';
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger duty_assignment_personnel_active_insert after insert on roster.duty_assignment
      referencing new table as new_duties for each statement execute function roster.duty_needs_active_personnel();`);
    this.addSql(`create trigger duty_assignment_personnel_active_update after update on roster.duty_assignment
      referencing new table as new_duties for each statement execute function roster.duty_needs_active_personnel();`);
  }
}
