#!/usr/bin/env node
// `npm run backup -- [--out <dir>]`: the JetStream stream RASAD_EVENTS, then every service's schema, into one folder
// (by default backups/<time>/): stream/RASAD_EVENTS.jsonl (each message: sequence, subject, time, headers, data) with
// stream/RASAD_EVENTS.json (its config and state), db/<schema>.dump (`pg_dump -Fc -n <schema>`, one file per schema,
// all from one snapshot of the database), and manifest.json. docs/operations.md says how to restore it.
//
// The stream goes first: every event it holds was committed before the database's snapshot, so the restored
// consumers' inboxes drop what they had already applied, and restore.js marks unsent again the outbox rows sent
// after the stream's copy began (their events may be missing from it), for the relay to publish them again.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { connect } = require('nats');
const { STREAM, adminDatabaseUrl, natsAuth, redact, serviceSchemasSql } = require('./backup-common');

function argument(name) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

async function backUpStream(dir) {
  const nc = await connect({ servers: (process.env.NATS_URL || 'nats://127.0.0.1:4222').split(','), ...natsAuth() });
  try {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(STREAM);
    const startedAt = new Date().toISOString();
    const last = info.state.last_seq;
    const file = fs.createWriteStream(path.join(dir, `${STREAM}.jsonl`));
    let count = 0;
    if (info.state.messages > 0) {
      // An ordered consumer: ephemeral, no acks, reads the stream from its first message in order.
      const consumer = await nc.jetstream().consumers.get(STREAM);
      const messages = await consumer.consume();
      for await (const message of messages) {
        const entry = {
          seq: message.seq,
          subject: message.subject,
          time: new Date(message.info.timestampNanos / 1e6).toISOString(),
          headers: message.headers ? Object.fromEntries([...message.headers].map(([k, v]) => [k, v])) : {},
          data: Buffer.from(message.data).toString('base64'),
        };
        if (!file.write(`${JSON.stringify(entry)}\n`)) {
          await new Promise((resolve) => file.once('drain', resolve));
        }
        count += 1;
        if (message.seq >= last) {
          break;
        }
      }
      await messages.close();
    }
    await new Promise((resolve, reject) => file.end((error) => (error ? reject(error) : resolve())));
    const consumers = [];
    for await (const consumer of jsm.consumers.list(STREAM)) {
      // The durables, for the record: restored services create theirs again and read from the start.
      if (!consumer.config.durable_name) continue;
      consumers.push({ name: consumer.name, ackFloor: consumer.ack_floor.stream_seq, pending: consumer.num_pending });
    }
    fs.writeFileSync(
      path.join(dir, `${STREAM}.json`),
      JSON.stringify({ startedAt, config: info.config, state: info.state, messages: count, consumers }, null, 2),
    );
    return { name: STREAM, messages: count, startedAt };
  } finally {
    await nc.close();
  }
}

function pgDump(url, snapshot, schema, file) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'pg_dump',
      ['--format=custom', `--snapshot=${snapshot}`, `--schema=${schema}`, `--file=${file}`, url],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`pg_dump of ${schema} exited with ${code}`)),
    );
  });
}

async function backUpDatabase(dir) {
  const url = adminDatabaseUrl();
  const client = new Client({ connectionString: url, application_name: 'rasad backup' });
  await client.connect();
  try {
    // One snapshot for every schema's dump, held by this transaction until the last dump has started reading.
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query('select pg_export_snapshot() as id')).rows[0].id;
    const schemas = (await client.query(serviceSchemasSql)).rows.map((row) => row.name);
    const extensions = (
      await client.query(
        `select e.extname as name, n.nspname as schema from pg_extension e
         join pg_namespace n on n.oid = e.extnamespace where e.extname <> 'plpgsql' order by 1`,
      )
    ).rows;
    const files = [];
    for (const schema of schemas) {
      const file = path.join(dir, `${schema}.dump`);
      await pgDump(url, snapshot, schema, file);
      files.push({ schema, file: path.join('db', `${schema}.dump`), bytes: fs.statSync(file).size });
    }
    await client.query('commit');
    return { database: redact(url), schemas: files, extensions };
  } finally {
    await client.end();
  }
}

async function main() {
  const out = path.resolve(argument('--out') || path.join('backups', new Date().toISOString().replace(/[:.]/g, '-')));
  fs.mkdirSync(path.join(out, 'stream'), { recursive: true });
  fs.mkdirSync(path.join(out, 'db'), { recursive: true });
  const startedAt = Date.now();
  const stream = await backUpStream(path.join(out, 'stream'));
  const database = await backUpDatabase(path.join(out, 'db'));
  const manifest = { createdAt: new Date().toISOString(), stream, ...database };
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const size = database.schemas.reduce((sum, s) => sum + s.bytes, 0);
  console.log(
    `backup: ${stream.messages} events of ${STREAM} and ${database.schemas.length} schemas ` +
      `(${database.schemas.map((s) => s.schema).join(', ')}; ${(size / 1024 / 1024).toFixed(1)} MB) ` +
      `in ${out} (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
  );
}

main().catch((error) => {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
