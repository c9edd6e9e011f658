// Convergence: after the imports, how long until every consumer has applied every event they caused, against the
// imports' own time. See docs/benchmarks.md, section "Convergence".
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { EVENT_STREAM } from '@rasad/contracts';
import { ConsumerInfo, JetStreamManager, NatsConnection, connect } from 'nats';
import { Pool } from 'pg';
import { round2 } from './api-read';
import { CONSUMERS, Consumer } from './stack';

export interface ConvergenceFigures {
  personnel: number;
  duties: number;
  /** The two imports' own time: each request from its first byte sent to its answer, added. */
  imports_s: number;
  duty_import_s: number;
  /**
   * From the start of the personnel import to the first poll (every 250 ms) that saw every consumer caught up: every
   * durable acknowledged to the stream's last event, no outbox holding an unsent one.
   */
  convergence_s: number;
  /** `convergence_s / imports_s`. */
  ratio: number;
  /** Events each consumer applied (its inbox rows) from the start of the personnel import. */
  events: Record<Consumer, number>;
  /** Those events over the span from its first to its last apply. */
  events_per_s: Record<Consumer, number>;
  /** From the start of the personnel import to its last apply. */
  catch_up_s: Record<Consumer, number>;
  /** Open dead letters in all consumers: any is a failed convergence. */
  dead_letters: number;
}

const POLL_MS = 250;
/** No consumer acknowledged anything for this long, with events outstanding: something is stuck. */
const STALL_MS = 180_000;

/**
 * One duty per imported person (`BIM-…`, see writePersonnelCsv) at a seeded post (`BP-…`), by service number and
 * post code as an officer's file would name them. Beyond one per person, a second duty on the day before the poll.
 */
export async function writeAssignmentsCsv(file: string, rows: number, people: number, posts: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write('serviceNumber,postCode,role,startsAt,endsAt,phase,status\n');
  const roles = ['guard', 'guard', 'guard', 'in_charge', 'qrf', 'driver', 'reserve'];
  for (let i = 0; i < rows; i++) {
    const person = (i % people) + 1;
    const post = ((i * 7919) % posts) + 1;
    const [day, phase] = i < people ? ['2027-02-08', 'poll_day'] : ['2027-02-07', 'pre_poll'];
    const hour = 6 + (i % 4);
    const line = [
      `BIM-${String(person).padStart(7, '0')}`,
      `BP-${String(post).padStart(6, '0')}`,
      roles[i % roles.length],
      `${day}T${String(hour).padStart(2, '0')}:00:00+05:00`,
      `${day}T${String(hour + 12).padStart(2, '0')}:00:00+05:00`,
      phase,
      i % 5 === 0 ? 'confirmed' : 'planned',
    ].join(',');
    if (!out.write(`${line}\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  out.end();
  await finished(out);
}

/** What one poll saw: whether everything is applied, and how far each consumer is behind. */
export interface ConvergenceState {
  converged: boolean;
  streamLastSeq: number;
  unsent: number;
  behind: Record<Consumer, number>;
}

/**
 * Watches the bench's own broker and database until every consumer has applied every event. "Applied every event"
 * is read in this order, so that nothing can slip between the reads: each consumer's durable (named after the
 * service) has nothing pending or unacknowledged (a consumer acks only after its batch, outbox rows included, has
 * committed); then no outbox in the database holds an unsent event (a relay marks a row sent only once JetStream
 * has it); then the stream's last sequence is one every durable's ack floor has reached. Events a consumer
 * publishes while applying (readiness's verdicts, meals' and transport's notices) are thereby waited for too.
 */
export class ConvergenceWatch {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly pool: Pool,
    private readonly outboxSchemas: string[],
  ) {}

  static async open(natsUrl: string, pool: Pool): Promise<ConvergenceWatch> {
    const nc = await connect({ servers: natsUrl });
    const { rows } = await pool.query<{ schema: string }>(
      `select table_schema as schema from information_schema.tables where table_name = 'outbox' order by 1`,
    );
    return new ConvergenceWatch(
      nc,
      await nc.jetstreamManager(),
      pool,
      rows.map((r) => r.schema),
    );
  }

  async close(): Promise<void> {
    await this.nc.close();
  }

  async state(): Promise<ConvergenceState> {
    // A durable not there yet (its service still starting) is behind by everything.
    const infos: (ConsumerInfo | null)[] = await Promise.all(
      CONSUMERS.map((c) => this.jsm.consumers.info(EVENT_STREAM, c).catch(() => null)),
    );
    const unsent = await this.unsent();
    const streamLastSeq = (await this.jsm.streams.info(EVENT_STREAM)).state.last_seq;
    const behind = Object.fromEntries(
      CONSUMERS.map((c, i) => {
        const info = infos[i];
        if (!info) {
          return [c, Number.MAX_SAFE_INTEGER];
        }
        return [c, Math.max(info.num_pending + info.num_ack_pending, streamLastSeq - info.ack_floor.stream_seq)];
      }),
    ) as Record<Consumer, number>;
    const converged = unsent === 0 && Object.values(behind).every((n) => n === 0);
    return { converged, streamLastSeq, unsent, behind };
  }

  /** Polls until converged; fails when no consumer moves for STALL_MS with events still outstanding. */
  async untilConverged(onProgress?: (state: ConvergenceState) => void): Promise<ConvergenceState> {
    let lastMove = Date.now();
    let previous = '';
    let lastReport = 0;
    for (;;) {
      const state = await this.state();
      if (state.converged) {
        return state;
      }
      const now = JSON.stringify([state.behind, state.unsent, state.streamLastSeq]);
      if (now !== previous) {
        previous = now;
        lastMove = Date.now();
      } else if (Date.now() - lastMove > STALL_MS) {
        throw new Error(`consumers stalled for ${STALL_MS / 1000} s: ${now}`);
      }
      if (onProgress && Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        onProgress(state);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async unsent(): Promise<number> {
    const counts = this.outboxSchemas.map(
      (schema) => `(select count(*) from "${schema}".outbox where sent_at is null)`,
    );
    const { rows } = await this.pool.query<{ n: number }>(`select (${counts.join(' + ')})::int as n`);
    return rows[0].n;
  }
}

/** Each consumer's events applied since `since` (its inbox rows), their first and last apply, and open dead letters. */
export async function appliedSince(pool: Pool, since: Date) {
  const applied = {} as Record<Consumer, { events: number; first: Date | null; last: Date | null }>;
  let deadLetters = 0;
  for (const consumer of CONSUMERS) {
    const { rows } = await pool.query<{ events: number; first: Date | null; last: Date | null; dead: number }>(
      `select count(*)::int as events, min(applied_at) as first, max(applied_at) as last,
         (select count(*)::int from "${consumer}".dead_letter where replayed_at is null) as dead
       from "${consumer}".inbox where applied_at >= $1`,
      [since],
    );
    applied[consumer] = rows[0];
    deadLetters += rows[0].dead;
  }
  return { applied, deadLetters };
}

/** Open dead letters per consumer, with a sample error each: what to print when any is there. */
export async function deadLetterSummary(pool: Pool): Promise<string[]> {
  const lines: string[] = [];
  for (const consumer of CONSUMERS) {
    const { rows } = await pool.query<{ subject: string; n: number; error: string }>(
      `select subject, count(*)::int as n, min(error) as error from "${consumer}".dead_letter
       where replayed_at is null group by subject`,
    );
    lines.push(...rows.map((r) => `${consumer}: ${r.n} × ${r.subject}: ${r.error.slice(0, 300)}`));
  }
  return lines;
}

/** The figures of one convergence: `since` is when the personnel import started, `convergedAt` the poll that saw it. */
export async function convergenceFigures(
  pool: Pool,
  since: Date,
  convergedAt: Date,
  imports: { personnel: number; duties: number; personnelSeconds: number; dutySeconds: number },
): Promise<ConvergenceFigures> {
  const { applied, deadLetters } = await appliedSince(pool, since);
  const seconds = (from: Date, to: Date | null) => (to ? (to.getTime() - from.getTime()) / 1000 : 0);
  const catchUp = Object.fromEntries(CONSUMERS.map((c) => [c, round2(seconds(since, applied[c].last))])) as Record<
    Consumer,
    number
  >;
  const eventsPerS = Object.fromEntries(
    CONSUMERS.map((c) => {
      const { events, first, last } = applied[c];
      const span = first ? seconds(first, last) : 0;
      return [c, span > 0 ? Math.round(events / span) : 0];
    }),
  ) as Record<Consumer, number>;
  const convergence = seconds(since, convergedAt);
  const importsSeconds = imports.personnelSeconds + imports.dutySeconds;
  return {
    personnel: imports.personnel,
    duties: imports.duties,
    imports_s: round2(importsSeconds),
    duty_import_s: round2(imports.dutySeconds),
    convergence_s: round2(convergence),
    ratio: round2(convergence / importsSeconds),
    events: Object.fromEntries(CONSUMERS.map((c) => [c, applied[c].events])) as Record<Consumer, number>,
    events_per_s: eventsPerS,
    catch_up_s: catchUp,
    dead_letters: deadLetters,
  };
}

/** Polls until every consumer has applied every event the imports caused, then reads their figures from the inboxes. */
export async function convergeAfterImports(
  pool: Pool,
  watch: ConvergenceWatch,
  since: Date,
  imports: Parameters<typeof convergenceFigures>[3],
) {
  console.log('convergence: until every consumer has applied every event');
  await watch.untilConverged((state) =>
    console.log(`  behind: ${JSON.stringify(state.behind)}, unsent in outboxes ${state.unsent}`),
  );
  const figures = await convergenceFigures(pool, since, new Date(), imports);
  console.log(
    `  converged ${figures.convergence_s.toFixed(1)} s after the first import started; the imports took ` +
      `${figures.imports_s.toFixed(1)} s (ratio ${figures.ratio}); events/s ${JSON.stringify(figures.events_per_s)}`,
  );
  console.log(`  each consumer's last apply, s after the start: ${JSON.stringify(figures.catch_up_s)}`);
  if (figures.dead_letters > 0) {
    console.error(`  ${figures.dead_letters} dead letters:\n    ${(await deadLetterSummary(pool)).join('\n    ')}`);
  }
  return figures;
}
