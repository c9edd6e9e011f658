import { Migration } from '@mikro-orm/migrations';
import { messagingTablesSql } from '@rasad/messaging';

/**
 * The notifier's projections of the roster (recipients, posts), people's channel choices, and the notices with
 * their delivery state; plus the inbox and dead letters every consuming service carries.
 */
export class Migration20261128600000NotifierBase extends Migration {
  override up(): void {
    this.addSql('create schema if not exists notifier;');
    this.addSql(`create table notifier.recipient (
      id uuid primary key,
      name text not null,
      rank text not null,
      phone text not null,
      language text not null default 'en' check (language in ('en', 'ur')),
      updated_at timestamptz not null default now()
    );`);
    this.addSql(`create table notifier.post (
      id uuid primary key,
      code text not null,
      name text not null,
      district_id uuid not null,
      updated_at timestamptz not null default now()
    );`);
    this.addSql(`create table notifier.channel_preference (
      personnel_id uuid primary key,
      channel text not null check (channel in ('sms', 'webhook', 'log')),
      updated_at timestamptz not null default now()
    );`);
    this.addSql(`create table notifier.notice (
      id uuid primary key,
      event_id uuid not null,
      event_type text not null,
      personnel_id uuid not null,
      district_id uuid,
      kind text not null,
      channel text not null check (channel in ('sms', 'webhook', 'log')),
      language text not null check (language in ('en', 'ur')),
      body text not null,
      segments integer not null check (segments >= 1),
      encoding text not null check (encoding in ('gsm7', 'ucs2')),
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      last_error text,
      next_attempt_at timestamptz,
      sent_at timestamptz,
      created_at timestamptz not null default now(),
      constraint notice_once unique (event_id, personnel_id, channel),
      constraint notice_pending_has_due check ((status = 'pending') = (next_attempt_at is not null))
    );`);
    // The dispatcher's claim reads only due pending rows.
    this.addSql(`create index notice_due_idx on notifier.notice (next_attempt_at) where status = 'pending';`);
    this.addSql('create index notice_personnel_idx on notifier.notice (personnel_id, id);');
    this.addSql('create index notice_created_idx on notifier.notice (created_at);');
    for (const sql of messagingTablesSql('notifier')) {
      this.addSql(`${sql};`);
    }
  }
}
