#!/usr/bin/env node
// `npm run restore -- <backup dir>`: a backup made by backup.js into the database DATABASE_URL (or
// DATABASE_ADMIN_URL) names, created when missing, and into the broker NATS_URL names. Both must be fresh: a schema
// of the backup already in the database, or a stream already holding events, stops it before it writes anything.
// Then start the services as usual: their migrations are already applied, each durable consumer is created again and
// reads the stream from its start, and each service's inbox drops the events it had applied.
'use strict';
const { URL } = require('node:url');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { Client } = require('pg');
const { connect, headers: natsHeaders } = require('nats');
const { STREAM, adminDatabaseUrl, natsAuth, redact } = require('./backup-common');

const IN_FLIGHT = 256;

async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
    }
  } finally {
    await client.end();
  }
}

function pgRestore(url, file) {
  return new Promise((resolve, reject) => {
    // --no-owner: the restoring user owns what it creates; grants to the services' roles are kept.
    const child = spawn('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${url}`, file], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`pg_restore of ${file} exited with ${code}`)),
    );
  });
}

async function restoreDatabase(dir, manifest, streamStartedAt) {
  const url = adminDatabaseUrl();
  await ensureDatabase(url);
  const client = new Client({ connectionString: url, application_name: 'rasad restore' });
  await client.connect();
  try {
    const names = manifest.schemas.map((s) => s.schema);
    const { rows: present } = await client.query('select nspname from pg_namespace where nspname = any($1)', [names]);
    if (present.length > 0) {
      throw new Error(
        `${redact(url)} already has schema ${present.map((r) => r.nspname).join(', ')}: restore into a fresh database`,
      );
    }
    for (const { name, schema } of manifest.extensions) {
      await client.query(
        `create extension if not exists ${client.escapeIdentifier(name)} with schema ${client.escapeIdentifier(schema)}`,
      );
    }
    // The services' roles are the cluster's, made by their migrations, which will not run again on this database:
    // a cluster without them gets them (without login; a service's start with DATABASE_ADMIN_URL sets its password).
    for (const schema of names) {
      const role = `rasad_${schema}`;
      const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      if (rowCount === 0) {
        await client.query(`create role ${client.escapeIdentifier(role)} nologin`);
      }
    }
    for (const { file } of manifest.schemas) {
      await pgRestore(url, path.join(dir, file));
    }
    // The stream is published again now, so an applied event's inbox row counts its days from now (the inbox must
    // outlive the stream's copy: libs/messaging/src/events/events-retention.ts); and an outbox row sent after the
    // stream's copy began may be missing from it: unsent again, the relay publishes it (the inboxes drop repeats).
    let resent = 0;
    for (const schema of names) {
      const tables = (
        await client.query(
          "select table_name as name from information_schema.tables where table_schema = $1 and table_name in ('inbox', 'outbox')",
          [schema],
        )
      ).rows.map((row) => row.name);
      if (tables.includes('inbox')) {
        await client.query(`update ${client.escapeIdentifier(schema)}.inbox set applied_at = now()`);
      }
      if (tables.includes('outbox')) {
        const { rowCount } = await client.query(
          `update ${client.escapeIdentifier(schema)}.outbox set sent_at = null where sent_at >= $1`,
          [streamStartedAt],
        );
        resent += rowCount;
      }
    }
    return { database: redact(url), schemas: names, resent };
  } finally {
    await client.end();
  }
}

async function restoreStream(dir) {
  const saved = JSON.parse(fs.readFileSync(path.join(dir, `${STREAM}.json`), 'utf8'));
  const nc = await connect({ servers: (process.env.NATS_URL || 'nats://127.0.0.1:4222').split(','), ...natsAuth() });
  try {
    const jsm = await nc.jetstreamManager();
    const replicas = Number(process.env.NATS_STREAM_REPLICAS || saved.config.num_replicas || 1);
    const config = {
      name: STREAM,
      subjects: saved.config.subjects,
      storage: saved.config.storage,
      retention: saved.config.retention,
      duplicate_window: saved.config.duplicate_window,
      max_age: saved.config.max_age,
      num_replicas: replicas,
    };
    try {
      const info = await jsm.streams.info(STREAM);
      if (info.state.messages > 0) {
        throw new Error(`${STREAM} already holds ${info.state.messages} events: restore into a fresh stream`);
      }
    } catch (error) {
      if (error.code !== '404') throw error;
      await jsm.streams.add(config);
    }
    const js = nc.jetstream();
    // Events the original stream has dropped by now (older than its max age) stay dropped.
    const maxAgeMs = saved.config.max_age / 1e6;
    const oldest = maxAgeMs > 0 ? Date.now() - maxAgeMs : 0;
    const lines = readline.createInterface({ input: fs.createReadStream(path.join(dir, `${STREAM}.jsonl`)) });
    let published = 0;
    let skipped = 0;
    const inFlight = new Set();
    for await (const line of lines) {
      if (!line) continue;
      const entry = JSON.parse(line);
      if (Date.parse(entry.time) < oldest) {
        skipped += 1;
        continue;
      }
      const h = natsHeaders();
      for (const [key, values] of Object.entries(entry.headers)) {
        for (const value of values) h.append(key, value);
      }
      // Published in the stream's order over one connection; the event id stays its Nats-Msg-Id.
      const msgID = h.get('Nats-Msg-Id') || undefined;
      const ack = js.publish(entry.subject, Buffer.from(entry.data, 'base64'), { headers: h, msgID });
      inFlight.add(ack);
      void ack.then(
        () => inFlight.delete(ack),
        () => undefined,
      );
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      published += 1;
    }
    await Promise.all(inFlight);
    return { name: STREAM, published, skipped };
  } finally {
    await nc.close();
  }
}

async function main() {
  const dir = process.argv[2];
  if (!dir || !fs.existsSync(path.join(dir, 'manifest.json'))) {
    console.error('usage: npm run restore -- <backup dir> (a folder made by npm run backup, with its manifest.json)');
    process.exit(2);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const startedAt = Date.now();
  // The database first: it refuses a database that is not fresh before the stream is touched.
  const database = await restoreDatabase(dir, manifest, manifest.stream.startedAt);
  const stream = await restoreStream(path.join(dir, 'stream'));
  console.log(
    `restore: ${database.schemas.length} schemas (${database.schemas.join(', ')}) into ${database.database}; ` +
      `${stream.published} events into ${STREAM}` +
      (stream.skipped ? ` (${stream.skipped} past its max age left out)` : '') +
      (database.resent ? `; ${database.resent} outbox rows to publish again` : '') +
      ` (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
  );
}

main().catch((error) => {
  console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
