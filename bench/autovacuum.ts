import { Client } from 'pg';

// A deployment's PostgreSQL runs autovacuum; this machine's has it off (its CI configuration, conf.d/90-ci.conf).
// Without it nothing analyzes the tables the imports fill: the planner keeps the statistics of the seed (the
// consumers' tables empty) and their per-batch statements become sequential scans. In the national run of 30 Nov
// the transport consumer applied 55–76 events/s with 900,000 legs planned that way, and 2,400/s after one ANALYZE.
// So when the server's autovacuum is off, the bench does what autovacuum would, with the server's own thresholds.

/** A table's counters from pg_stat_user_tables, and its row estimate from pg_class. */
export interface TableActivity {
  table: string;
  reltuples: number;
  modifiedSinceAnalyze: number;
  dead: number;
  insertedSinceVacuum: number;
}

/** autovacuum_* settings that decide when a table is due (the server's, so the same as autovacuum's own). */
export interface AutovacuumThresholds {
  analyzeThreshold: number;
  analyzeScaleFactor: number;
  vacuumThreshold: number;
  vacuumScaleFactor: number;
  vacuumInsertThreshold: number;
  vacuumInsertScaleFactor: number;
}

/** What autovacuum would do to a table now: as its documentation says, vacuum and analyze each past its threshold. */
export function due(table: TableActivity, t: AutovacuumThresholds): { vacuum: boolean; analyze: boolean } {
  // A table never analyzed has reltuples -1: autovacuum counts it as empty.
  const rows = Math.max(0, table.reltuples);
  const insertsDue =
    t.vacuumInsertThreshold >= 0 &&
    table.insertedSinceVacuum > t.vacuumInsertThreshold + t.vacuumInsertScaleFactor * rows;
  return {
    vacuum: table.dead > t.vacuumThreshold + t.vacuumScaleFactor * rows || insertsDue,
    analyze: table.modifiedSinceAnalyze > t.analyzeThreshold + t.analyzeScaleFactor * rows,
  };
}

/**
 * Every `naptime` (the server's autovacuum_naptime), one worker's pass over the bench database: VACUUM (ANALYZE) or
 * ANALYZE of each table past its threshold, throttled as autovacuum is (its cost delay and limit). `start` answers
 * null when the server runs autovacuum itself, as a deployment's does.
 */
export class BenchAutovacuum {
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;
  /** How many VACUUMs and ANALYZEs it ran, for the report. */
  readonly ran = { vacuum: 0, analyze: 0 };

  private constructor(
    private readonly client: Client,
    private readonly thresholds: AutovacuumThresholds,
    private readonly naptimeMs: number,
  ) {}

  static async start(databaseUrl: string): Promise<BenchAutovacuum | null> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'bench autovacuum' });
    await client.connect();
    const { rows } = await client.query<Record<string, string>>(
      `select current_setting('autovacuum') as autovacuum,
              current_setting('autovacuum_naptime') as naptime,
              current_setting('autovacuum_analyze_threshold') as analyze_threshold,
              current_setting('autovacuum_analyze_scale_factor') as analyze_scale_factor,
              current_setting('autovacuum_vacuum_threshold') as vacuum_threshold,
              current_setting('autovacuum_vacuum_scale_factor') as vacuum_scale_factor,
              current_setting('autovacuum_vacuum_insert_threshold') as vacuum_insert_threshold,
              current_setting('autovacuum_vacuum_insert_scale_factor') as vacuum_insert_scale_factor,
              current_setting('autovacuum_vacuum_cost_delay') as cost_delay,
              current_setting('autovacuum_vacuum_cost_limit') as cost_limit`,
    );
    const s = rows[0];
    if (s.autovacuum === 'on') {
      await client.end();
      return null;
    }
    // Throttled like autovacuum's workers: its cost delay and cost limit (-1 for either: vacuum_cost_*'s own).
    if (!s.cost_delay.startsWith('-')) {
      await client.query(`set vacuum_cost_delay = '${s.cost_delay}'`);
    }
    if (Number(s.cost_limit) > 0) {
      await client.query(`set vacuum_cost_limit = ${Number(s.cost_limit)}`);
    }
    const autovacuum = new BenchAutovacuum(
      client,
      {
        analyzeThreshold: Number(s.analyze_threshold),
        analyzeScaleFactor: Number(s.analyze_scale_factor),
        vacuumThreshold: Number(s.vacuum_threshold),
        vacuumScaleFactor: Number(s.vacuum_scale_factor),
        vacuumInsertThreshold: Number(s.vacuum_insert_threshold),
        vacuumInsertScaleFactor: Number(s.vacuum_insert_scale_factor),
      },
      naptimeMs(s.naptime),
    );
    autovacuum.schedule();
    return autovacuum;
  }

  /** For the report: who kept the statistics and the dead rows in hand. */
  static describe(autovacuum: BenchAutovacuum | null): string {
    return autovacuum
      ? `off on the server; the bench ran ${autovacuum.ran.vacuum} VACUUMs and ${autovacuum.ran.analyze} ANALYZEs as autovacuum would`
      : "the server's";
  }

  /** Waits for the pass in hand (a VACUUM is not interrupted), then closes the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
    await this.client.end();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.round = this.pass()
        .catch((error: Error) => console.warn(`  bench autovacuum: ${error.message}`))
        .finally(() => {
          if (!this.stopped) {
            this.schedule();
          }
        });
    }, this.naptimeMs);
  }

  private async pass(): Promise<void> {
    const { rows } = await this.client.query<{
      table: string;
      reltuples: number;
      modified: string;
      dead: string;
      inserted: string;
    }>(
      `select format('%I.%I', s.schemaname, s.relname) as table, c.reltuples, s.n_mod_since_analyze as modified,
              s.n_dead_tup as dead, s.n_ins_since_vacuum as inserted
       from pg_stat_user_tables s join pg_class c on c.oid = s.relid`,
    );
    for (const row of rows) {
      if (this.stopped) {
        return;
      }
      const table: TableActivity = {
        table: row.table,
        reltuples: Number(row.reltuples),
        modifiedSinceAnalyze: Number(row.modified),
        dead: Number(row.dead),
        insertedSinceVacuum: Number(row.inserted),
      };
      const { vacuum, analyze } = due(table, this.thresholds);
      if (vacuum) {
        await this.client.query(`vacuum ${analyze ? '(analyze) ' : ''}${table.table}`);
        this.ran.vacuum++;
      } else if (analyze) {
        await this.client.query(`analyze ${table.table}`);
      }
      if (analyze) {
        this.ran.analyze++;
      }
    }
  }
}

/** autovacuum_naptime as current_setting gives it (`1min`, `30s`, `500ms`), in ms. */
export function naptimeMs(setting: string): number {
  const match = /^(\d+)\s*(ms|s|min|h)?$/.exec(setting.trim());
  if (!match) {
    throw new Error(`autovacuum_naptime "${setting}" is not a duration`);
  }
  const unit = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 }[match[2] ?? 's']!;
  return Number(match[1]) * unit;
}
