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

/** Streams the file to `POST /api/v1/imports/personnel` and checks every row was created. */
export async function importThroughGateway(
  gatewayUrl: string,
  file: string,
  rows: number,
  headers: Record<string, string>,
): Promise<number> {
  const started = process.hrtime.bigint();
  const { status, body } = await postFile(`${gatewayUrl}/api/v1/imports/personnel`, file, headers);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const answer = JSON.parse(body) as { created?: number };
  if (status !== 200 || answer.created !== rows) {
    throw new Error(`the import answered ${status}, expected 200 with created = ${rows}: ${body.slice(0, 2000)}`);
  }
  return seconds;
}

/** The floor: PostgreSQL's COPY of the same file into a plain table of text columns, with no index. */
export async function copyIntoPlainTable(pool: Pool, file: string): Promise<number> {
  await pool.query('create schema if not exists bench_copy');
  await pool.query('drop table if exists bench_copy.personnel');
  await pool.query(`create table bench_copy.personnel (
    service_number text, name text, rank text, unit_code text, home_district_code text, cnic text, phone text,
    gender text, dietary_needs text, travel_mode text)`);
  const client = await pool.connect();
  try {
    const started = process.hrtime.bigint();
    await pipeline(
      fs.createReadStream(file),
      client.query(copyFrom('copy bench_copy.personnel from stdin with (format csv, header true)')),
    );
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
