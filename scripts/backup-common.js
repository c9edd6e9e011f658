// What backup.js and restore.js share: the stream's name, where to connect and as whom.
'use strict';
const { URL } = require('node:url');

const STREAM = 'RASAD_EVENTS';

// The services' schemas: every schema but PostgreSQL's own and public (where the shared extensions live).
const serviceSchemasSql = `select nspname as name from pg_namespace
  where nspname not like 'pg\\_%' and nspname not in ('information_schema', 'public') order by 1`;

/** Backups read, and restores write, every schema: the admin URL when there is one (as the migrations use it). */
function adminDatabaseUrl() {
  return process.env.DATABASE_ADMIN_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/rasad';
}

/** The NATS admin user (the one scripts/nats-setup.js uses) when set, else NATS_USER; none on a developer's broker. */
function natsAuth() {
  const user = process.env.NATS_ADMIN_USER || process.env.NATS_USER;
  const pass = process.env.NATS_ADMIN_USER ? process.env.NATS_ADMIN_PASSWORD : process.env.NATS_PASSWORD;
  return user ? { user, pass } : {};
}

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

module.exports = { STREAM, adminDatabaseUrl, natsAuth, redact, serviceSchemasSql };
