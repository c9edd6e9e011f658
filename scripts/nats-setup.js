#!/usr/bin/env node
// The deploy step that creates RASAD_EVENTS, or brings it up to date, before the services start: under credentials
// (deploy/nats-server.conf) no service may change the stream, so this runs as the NATS admin user.
//   NATS_URL=nats://nats:4222 NATS_USER=admin NATS_PASSWORD=… NATS_STREAM_REPLICAS=1 node scripts/nats-setup.js [--wait]
// scripts/start.js runs it before the apps; docker-compose.yml runs it as the one-shot `nats-setup` service.
'use strict';
const path = require('node:path');
const { connect, nanos } = require('nats');

// The same definition the services use on a developer's broker (libs/messaging/src/events/event-stream.ts).
const definition = require(
  path.join(__dirname, '..', 'libs', 'messaging', 'src', 'events', 'rasad-events.stream.json'),
);

function streamConfig(replicas) {
  return {
    name: definition.name,
    subjects: definition.subjects,
    storage: definition.storage,
    retention: definition.retention,
    duplicate_window: nanos(definition.duplicate_window_ms),
    max_age: nanos(definition.max_age_ms),
    num_replicas: replicas,
  };
}

async function ensureStream(jsm, replicas) {
  const wanted = streamConfig(replicas);
  let current;
  try {
    current = (await jsm.streams.info(wanted.name)).config;
  } catch (error) {
    if (error.code !== '404') throw error;
    await jsm.streams.add(wanted);
    return 'created';
  }
  const subjectsDiffer = [...current.subjects].sort().join() !== [...wanted.subjects].sort().join();
  if (
    subjectsDiffer ||
    current.duplicate_window !== wanted.duplicate_window ||
    current.max_age !== wanted.max_age ||
    current.num_replicas !== wanted.num_replicas
  ) {
    await jsm.streams.update(wanted.name, {
      ...current,
      ...wanted,
      storage: current.storage,
      retention: current.retention,
    });
    return 'updated';
  }
  return 'unchanged';
}

async function main() {
  const url = process.env.NATS_URL || 'nats://127.0.0.1:4222';
  const replicas = Number(process.env.NATS_STREAM_REPLICAS || '1');
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 5) {
    throw new Error('NATS_STREAM_REPLICAS must be a whole number from 1 to 5');
  }
  const user = process.env.NATS_USER || undefined;
  const nc = await connect({
    servers: url.split(','),
    user,
    pass: process.env.NATS_PASSWORD || undefined,
    // deploy/nats-server.conf lets each user read only its own inbox.
    inboxPrefix: user ? `_INBOX_${user}` : undefined,
    // tls:// demands TLS (libs/messaging/src/nats-options.ts, natsTlsFor).
    tls: url.split(',').some((server) => server.trim().startsWith('tls://')) ? {} : undefined,
    // With --wait (docker compose starts the broker alongside), keep trying for half a minute; else fail at once.
    ...(process.argv.includes('--wait')
      ? { waitOnFirstConnect: true, maxReconnectAttempts: 30, reconnectTimeWait: 1000 }
      : { reconnect: false, timeout: 5000 }),
  });
  try {
    const outcome = await ensureStream(await nc.jetstreamManager(), replicas);
    console.log(`nats-setup: stream ${definition.name} ${outcome} (replicas ${replicas})`);
  } finally {
    await nc.close();
  }
}

main().catch((error) => {
  const url = process.env.NATS_URL || 'nats://127.0.0.1:4222';
  console.error(
    `nats-setup: cannot set up ${definition.name} at ${url.replace(/\/\/[^@/]*@/, '//***@')} (${error.message}): ` +
      'start NATS with `nats-server -js` (or `docker compose up -d nats`), or set NATS_URL, NATS_USER, NATS_PASSWORD',
  );
  process.exit(1);
});
