import fs from 'node:fs';
import path from 'node:path';
import { ApiReadFigures } from './api-read';
import { ConsumerFigures } from './consumer-throughput';
import { ConvergenceFigures } from './convergence';
import { EventLagFigures } from './event-lag';
import type { NationalFigures } from './national';
import { ImportFigures } from './personnel-import';
import { ReadinessFigures } from './readiness';

export interface BenchResults {
  api_read: ApiReadFigures;
  import_100k: ImportFigures;
  event_lag: EventLagFigures;
  /** Both consumers at once, on the same two cores: information. */
  consumers: ConsumerFigures;
  /** Each consumer alone: the figure held to the target. */
  consumers_alone: ConsumerFigures;
  readiness: ReadinessFigures;
  /** After the personnel import and a duty import of as many rows: until every consumer has applied every event. */
  convergence: ConvergenceFigures;
  /** Peak resident memory of every app while measured (the API read to the convergence). */
  rss_mb: Record<string, number>;
  meta: { date: string; cpus: number; quick: boolean; load_average?: number[]; autovacuum?: string };
  /** The last `--national` run's figures, kept when a quick or full run rewrites the file. */
  national?: NationalFigures;
}

interface Line {
  figure: string;
  value: number | string;
  target?: string;
  pass?: boolean;
}

export function writeResults(file: string, results: BenchResults): void {
  const { national } = readResults(file);
  mergeResults(file, national && !results.national ? { ...results, national } : results, false);
}

/** Writes `results` over the file's sections of the same names (all sections when `keep` is false). */
export function mergeResults(file: string, results: Partial<BenchResults>, keep = true): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const merged = keep ? { ...readResults(file), ...results } : results;
  fs.writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
}

function readResults(file: string): Partial<BenchResults> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<BenchResults>;
  } catch {
    return {};
  }
}

export function printTable(results: BenchResults): void {
  const { api_read: api, import_100k: imp, rss_mb: rss, convergence: conv } = results;
  const lines: Line[] = [
    { figure: 'api_read.rasad_rps', value: api.rasad_rps },
    { figure: 'api_read.peer_rps', value: api.peer_rps },
    { figure: 'api_read.bare_rps', value: api.bare_rps },
    { figure: 'api_read.peer_ratio', value: api.peer_ratio, target: '≥ 2', pass: api.peer_ratio >= 2 },
    { figure: 'api_read.ratio', value: api.ratio },
    { figure: 'api_read.rasad_p99_ms', value: api.rasad_p99_ms },
    { figure: 'api_read.peer_p99_ms', value: api.peer_p99_ms },
    { figure: 'api_read.bare_p99_ms', value: api.bare_p99_ms },
    { figure: 'api_read.fixed_rate', value: api.fixed_rate },
    { figure: 'api_read.fixed_rate_rasad_p99_ms', value: api.fixed_rate_rasad_p99_ms },
    { figure: 'api_read.fixed_rate_bare_p99_ms', value: api.fixed_rate_bare_p99_ms },
    {
      figure: 'api_read.fixed_rate_p99_ratio',
      value: api.fixed_rate_p99_ratio,
      target: '≤ 3',
      pass: api.fixed_rate_p99_ratio <= 3,
    },
    {
      figure: 'api_read.cpu_ms_per_request',
      value: api.cpu_ms_per_request,
      target: '≤ 0.5',
      pass: api.cpu_ms_per_request <= 0.5,
    },
    { figure: 'api_read.peer_cpu_ms_per_request', value: api.peer_cpu_ms_per_request },
    { figure: 'api_read.bare_cpu_ms_per_request', value: api.bare_cpu_ms_per_request },
    { figure: 'import_100k.rasad_s', value: imp.rasad_s },
    { figure: 'import_100k.copy_s', value: imp.copy_s },
    { figure: 'import_100k.ratio', value: imp.ratio, target: '≤ 3', pass: imp.ratio <= 3 },
    { figure: 'event_lag.p50_ms', value: results.event_lag.p50_ms },
    {
      figure: 'event_lag.p99_ms',
      value: results.event_lag.p99_ms,
      target: '≤ 250',
      pass: results.event_lag.p99_ms <= 250,
    },
    ...(['briefings_eps', 'notifier_eps'] as const).flatMap((figure) => [
      { figure: `consumers.${figure}`, value: results.consumers[figure] },
      {
        figure: `consumers_alone.${figure}`,
        value: results.consumers_alone[figure],
        target: '≥ 5000',
        pass: results.consumers_alone[figure] >= 5000,
      },
    ]),
    ...(['briefings_cpu_ms_per_event', 'notifier_cpu_ms_per_event', 'postgres_cpu_ms_per_event'] as const).map(
      (figure) => ({ figure: `consumers_alone.${figure}`, value: results.consumers_alone[figure] }),
    ),
    {
      figure: 'readiness.model_eps',
      value: results.readiness.model_eps,
      target: '≥ 5000',
      pass: results.readiness.model_eps >= 5000,
    },
    { figure: 'readiness.summary_ms', value: results.readiness.summary_ms },
    { figure: 'readiness.bare_sql_ms', value: results.readiness.bare_sql_ms },
    {
      figure: 'readiness.district_ratio',
      value: results.readiness.district_ratio,
      target: '≤ 1.5',
      pass: results.readiness.district_ratio <= 1.5,
    },
    { figure: 'readiness.national_summary_ms', value: results.readiness.national_summary_ms },
    { figure: 'readiness.national_bare_sql_ms', value: results.readiness.national_bare_sql_ms },
    {
      figure: 'readiness.national_ratio',
      value: results.readiness.national_ratio,
      target: '≤ 1.5',
      pass: results.readiness.national_ratio <= 1.5,
    },
    {
      figure: 'readiness.duties',
      value: `${results.readiness.duties} in ${results.readiness.districts} districts`,
    },
    { figure: 'convergence.imports_s', value: conv.imports_s },
    { figure: 'convergence.convergence_s', value: conv.convergence_s },
    { figure: 'convergence.ratio', value: conv.ratio, target: '≤ 3', pass: conv.ratio <= 3 },
    ...Object.entries(conv.events_per_s).map(([consumer, eps]) => ({
      figure: `convergence.events_per_s.${consumer}`,
      value: eps,
    })),
    {
      figure: 'convergence.dead_letters',
      value: conv.dead_letters,
      target: '= 0',
      pass: conv.dead_letters === 0,
    },
    ...Object.entries(rss).map(([service, mb]) => ({
      figure: `rss_mb.${service}`,
      value: mb,
      target: '≤ 150',
      pass: mb <= 150,
    })),
  ];
  const cells = lines.map((l) => [l.figure, String(l.value), l.target ?? '', verdict(l.pass)]);
  const header = ['figure', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const format = (row: string[]) => row.map((cell, i) => (i === 1 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])));
  console.log(`\n${format(header).join('  ')}`);
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) {
    console.log(format(row).join('  ').trimEnd());
  }
  const mode = results.meta.quick ? 'quick' : 'full';
  console.log(`\n${mode} run, ${results.meta.cpus} CPUs, ${results.meta.date}; autovacuum: ${results.meta.autovacuum}`);
}

function verdict(pass: boolean | undefined): string {
  if (pass === undefined) {
    return '';
  }
  return pass ? 'PASS' : 'MISS';
}
