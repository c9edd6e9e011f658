import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { PollingWorker } from './polling-worker';

const DAY_MS = 86_400_000;

/**
 * A kind of row that goes after some days: which table, how to find old rows by an index, and which rows may go.
 * Table, columns and `where` are SQL written by the service that owns the table, never input.
 */
export interface RetentionRule {
  /** Names the kind in logs and settings: `outbox`, `inbox`, `notices`, `audit`. */
  kind: string;
  /** Schema-qualified: `notifier.notice`. */
  table: string;
  /** The time a row's age counts from (`sent_at`, `applied_at`): only rows older than the cut-off by it go. */
  olderThan: string;
  /**
   * The indexed column the purge walks, oldest first, when it is not `olderThan` itself: a UUID v7 primary key (its
   * first 48 bits are the time it was made), bounded by the cut-off's smallest v7 so the walk stays in the index.
   */
  walkUuidV7?: string;
  /** Which rows may go at all (`status in ('sent', 'failed')`); pending work never goes. */
  where?: string;
  /** Rows older than this many days go; 0 keeps them for ever. */
  days: number;
}

export interface RetentionOptions {
  /** The worker's name in logs and pg_stat_activity. */
  name: string;
  databaseUrl: string;
  rules: RetentionRule[];
  /** Rows per statement: each statement is its own short transaction. */
  batch: number;
  /** The wait between rounds once nothing old is left. */
  intervalMs: number;
}

/** The smallest UUID v7 made at `at`: every v7 made before it sorts below it. */
export function uuidV7Floor(at: Date): string {
  const hex = at.getTime().toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/**
 * The statement that deletes one batch of a rule's old rows. The rows are found through an index, oldest first, and
 * locked with SKIP LOCKED: a row a service is working on (a notice being sent) or another replica's purge holds is
 * left for a later round instead of waited for, so two replicas purge side by side and nobody waits on the purge.
 * Deleting by ctid (`= any(array(…))`, a TID scan) touches only the rows the subquery chose.
 */
export function purgeStatement(rule: RetentionRule, cutoff: Date, batch: number): { sql: string; params: unknown[] } {
  const walk = rule.walkUuidV7 ? `${rule.walkUuidV7} < $3::uuid and ` : '';
  const order = rule.walkUuidV7 ?? rule.olderThan;
  const sql = `delete from ${rule.table} where ctid = any(array(
    select ctid from ${rule.table}
    where ${walk}${rule.olderThan} < $1${rule.where ? ` and (${rule.where})` : ''}
    order by ${order} limit $2 for update skip locked))`;
  return { sql, params: rule.walkUuidV7 ? [cutoff, batch, uuidV7Floor(cutoff)] : [cutoff, batch] };
}

/**
 * Purges old rows in small batches, on the project's one polling loop (PollingWorker): a round deletes at most one
 * batch per rule, each in its own transaction with short lock and statement timeouts; a round that filled a batch
 * runs again at once, else the worker waits `intervalMs`. Any number of replicas may run it.
 */
export class RetentionWorker {
  private readonly logger: Logger;
  private readonly rules: RetentionRule[];
  private readonly purged = new Map<string, number>();
  private pool?: Pool;
  private worker?: PollingWorker;

  constructor(private readonly options: RetentionOptions) {
    this.logger = new Logger(options.name);
    this.rules = options.rules.filter((rule) => rule.days > 0);
  }

  async start(): Promise<void> {
    if (this.rules.length === 0) {
      return;
    }
    this.worker = new PollingWorker({
      name: this.options.name,
      round: () => this.round(),
      batchSize: this.options.batch,
      pollMs: this.options.intervalMs,
    });
    await this.worker.start();
  }

  async stop(): Promise<void> {
    await this.worker?.stop();
    await this.pool?.end();
    this.pool = undefined;
  }

  /** One batch of each rule; the largest count, so that a full batch of any rule brings the next round at once. */
  async round(now = new Date()): Promise<number> {
    let largest = 0;
    for (const rule of this.rules) {
      const deleted = await this.purgeBatch(rule, now);
      largest = Math.max(largest, deleted);
      if (deleted > 0) {
        this.purged.set(rule.kind, (this.purged.get(rule.kind) ?? 0) + deleted);
      }
    }
    if (largest < this.options.batch && this.purged.size > 0) {
      // Once per catch-up, not per batch: a first run on a year of rows would otherwise log thousands of lines.
      const counts = [...this.purged].map(([kind, count]) => `${count} ${kind}`).join(', ');
      this.logger.log({ purged: Object.fromEntries(this.purged) }, `retention: purged ${counts}`);
      this.purged.clear();
    }
    return largest;
  }

  private connections(): Pool {
    if (!this.pool) {
      this.pool = new Pool({ connectionString: this.options.databaseUrl, max: 1, application_name: this.options.name });
      this.pool.on('error', (error) => this.logger.warn(`retention pool: ${error.message}`));
    }
    return this.pool;
  }

  private async purgeBatch(rule: RetentionRule, now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - rule.days * DAY_MS);
    const client = await this.connections().connect();
    try {
      await client.query('begin');
      // A purge never queues behind a migration's lock for long, nor runs long itself: it tries again next round.
      await client.query("set local lock_timeout = '2s'");
      await client.query("set local statement_timeout = '30s'");
      const { sql, params } = purgeStatement(rule, cutoff, this.options.batch);
      const result = await client.query(sql, params);
      await client.query('commit');
      return result.rowCount ?? 0;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
