import fs from 'node:fs';
import http from 'node:http';
import { finished, pipeline } from 'node:stream/promises';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { round2 } from './api-read';

export interface ImportFigures {
  rasad_s: number;
  copy_s: number;
  ratio: number;
}

const COLUMNS = 'serviceNumber,name,rank,unitCode,homeDistrictCode,cnic,phone,gender,dietaryNeeds,travelMode';
const NAMES = ['Adeel Anwar', 'Fahad Iqbal', 'Haris Mehmood', 'Junaid Akhtar', 'Usman Ghani', 'Waqas Ahmed'];
const RANKS = ['constable', 'head_constable', 'asi', 'si', 'elite_constable', 'fc_sepoy'];
const DIETS = ['', '', '', 'diabetic', 'vegetarian', 'diabetic;no_gluten'];

/** New people only: service numbers BIM-… and CNICs 35203-… never clash with the seeded BSN-…/35202-…. */
export async function writePersonnelCsv(
  file: string,
  rows: number,
  codes: { units: string[]; districts: string[] },
): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(`${COLUMNS}\n`);
  for (let i = 1; i <= rows; i++) {
    const n = String(i).padStart(7, '0');
    const line = [
      `BIM-${n}`,
      `${NAMES[i % NAMES.length]} ${i}`,
      RANKS[i % RANKS.length],
      codes.units[i % codes.units.length],
      codes.districts[(i * 7) % codes.districts.length],
      `35203-${n}-${i % 10}`,
      `0345-${String(i).padStart(7, '0')}`,
      i % 9 === 0 ? 'female' : 'male',
      DIETS[i % DIETS.length],
      i % 3 === 0 ? 'self' : 'provided',
    ].join(',');
    if (!out.write(`${line}\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  out.end();
  await finished(out);
}

/** Streams a CSV to `POST /api/v1/imports/<kind>`; checks every row was created. Seconds from first byte to answer. */
export async function importCsv(
  gatewayUrl: string,
  kind: 'personnel' | 'assignments',
  file: string,
  rows: number,
  headers: Record<string, string>,
): Promise<number> {
  const started = process.hrtime.bigint();
  const { status, body } = await postFile(`${gatewayUrl}/api/v1/imports/${kind}`, file, headers);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const answer = JSON.parse(body) as { created?: number };
  if (status !== 200 || answer.created !== rows) {
    throw new Error(
      `the ${kind} import answered ${status}, expected 200 with created = ${rows}: ${body.slice(0, 2000)}`,
    );
  }
  return seconds;
}

/**
 * The baseline: PostgreSQL's COPY of the same file into a table equivalent to roster.personnel (LIKE … INCLUDING
 * ALL: the same types, NOT NULLs, defaults — the id's uuid_v7() included —, unique constraints and indexes, the
 * trigram index on the name among them), holding the same people the roster does before the import. Where the file
 * carries codes and the roster ids, the table has the codes, with the same NOT NULL, foreign key (to the code) and
 * index; the dietary needs stay the file's `a;b` text, an empty cell an empty string.
 */
export async function copyIntoEquivalentTable(pool: Pool, file: string): Promise<number> {
  await pool.query('drop schema if exists bench_copy cascade');
  await pool.query('create schema bench_copy');
  await pool.query(`create table bench_copy.personnel (like roster.personnel including all);
    alter table bench_copy.personnel drop column unit_id, drop column home_district_id,
      add column unit_code text not null references roster.unit (code),
      add column home_district_code text not null references roster.district (code),
      alter column dietary_needs drop default,
      alter column dietary_needs type text using array_to_string(dietary_needs, ';'),
      alter column dietary_needs set default '';
    create index on bench_copy.personnel (unit_code);
    create index on bench_copy.personnel (home_district_code);
    insert into bench_copy.personnel (${EQUIVALENT_COLUMNS})
    select p.service_number, p.name, p.rank, u.code, d.code, p.cnic, p.phone, p.gender,
           array_to_string(p.dietary_needs, ';'), p.travel_mode
    from roster.personnel p join roster.unit u on u.id = p.unit_id join roster.district d on d.id = p.home_district_id`);
  await pool.query('vacuum analyze bench_copy.personnel');
  return timedCopy(
    pool,
    file,
    `copy bench_copy.personnel (${EQUIVALENT_COLUMNS}) from stdin
     with (format csv, header true, force_not_null (dietary_needs))`,
  );
}

const EQUIVALENT_COLUMNS =
  'service_number, name, rank, unit_code, home_district_code, cnic, phone, gender, dietary_needs, travel_mode';

/** The old floor, for information only: COPY into a table of text columns with no index or constraint. */
export async function copyIntoPlainTable(pool: Pool, file: string): Promise<number> {
  await pool.query('create schema if not exists bench_copy');
  await pool.query('drop table if exists bench_copy.personnel_plain');
  await pool.query(`create table bench_copy.personnel_plain (
    service_number text, name text, rank text, unit_code text, home_district_code text, cnic text, phone text,
    gender text, dietary_needs text, travel_mode text)`);
  return timedCopy(pool, file, 'copy bench_copy.personnel_plain from stdin with (format csv, header true)');
}

async function timedCopy(pool: Pool, file: string, copy: string): Promise<number> {
  const client = await pool.connect();
  try {
    const started = process.hrtime.bigint();
    await pipeline(fs.createReadStream(file), client.query(copyFrom(copy)));
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    client.release();
  }
}

export function importFigures(rasadSeconds: number, copySeconds: number): ImportFigures {
  return {
    rasad_s: round2(rasadSeconds),
    copy_s: Math.round(copySeconds * 1000) / 1000,
    ratio: round2(rasadSeconds / copySeconds),
  };
}

/** POSTs a file as text/csv; the answer's status and body. */
function postFile(url: string, file: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' } });
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      response.once('error', reject);
    });
    pipeline(fs.createReadStream(file), request).catch(reject);
  });
}
