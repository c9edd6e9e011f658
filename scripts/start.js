#!/usr/bin/env node
// Builds what is stale, then runs every Rasad app as its own process; Ctrl-C stops them all.
// `node scripts/start.js --seed` loads the Haripur demo district into an empty roster and exits.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startOutput } = require('./start-output');

const root = path.resolve(__dirname, '..');
const APPS = ['roster', 'briefings', 'notifier', 'meals', 'lodging', 'transport', 'readiness', 'gateway'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test' && entry.name !== 'node_modules') newest = Math.max(newest, newestSource(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

function newestConsoleSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestConsoleSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

// The web console (apps/console, Preact + Vite) is files the gateway serves from dist/console.
function buildConsoleIfNeeded() {
  const page = path.join(root, 'dist', 'console', 'index.html');
  const sources = Math.max(
    newestConsoleSource(path.join(root, 'apps', 'console', 'src')),
    fs.statSync(path.join(root, 'apps', 'console', 'index.html')).mtimeMs,
  );
  if (fs.existsSync(page) && fs.statSync(page).mtimeMs >= sources) return;
  console.log('building the console…');
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'apps/console/vite.config.mts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function buildIfNeeded() {
  const sources = Math.max(newestSource(path.join(root, 'apps')), newestSource(path.join(root, 'libs')));
  for (const app of APPS) {
    const bundle = path.join(root, 'dist', 'apps', app, 'main.js');
    if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= sources) continue;
    console.log(`building ${app}…`);
    const result = spawnSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', app], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      // webpack writes a bundle even when compilation fails: leave none, so the next start builds again.
      fs.rmSync(bundle, { force: true });
      process.exit(result.status ?? 1);
    }
  }
}

// V8 lets a heap grow to several times what survives a full GC before it collects again: under load the roster
// and the gateway reached 300-360 MB resident around 45-60 MB of live objects. Growing by 20% at most keeps them
// near 160-220 MB without a measurable cost per request (docs/benchmarks.md). No --enable-source-maps: the bundles
// carry no source map, so it only mapped node_modules' frames, and it parsed and kept every map they ship (8 MB of
// heap in each app). docker-compose.yml and the bench (bench/stack.ts) pass the same flags.
const NODE_FLAGS = ['--heap-growing-percent=20'];
// glibc raises its mmap threshold to the size of the largest block freed, so after argon2's 19 MiB of a sign-in
// such blocks come from the heap and stay resident (+60 MB in the gateway after a few logins). A fixed threshold
// gives them back to the system when freed.
const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };

// METRICS_PORT=9464 serves every app's /metrics on one machine: the gateway on 9464, then each service in APPS order
// on the next port (roster 9465, briefings 9466, …; a new service, added before the gateway, takes the next free one),
// as deploy/prometheus.yml scrapes them.
function metricsPort(app) {
  const base = Number(process.env.METRICS_PORT || 0);
  if (!base) return {};
  const services = APPS.filter((one) => one !== 'gateway');
  return { METRICS_PORT: String(app === 'gateway' ? base : base + 1 + services.indexOf(app)) };
}

// A service may keep its data in a PostgreSQL of its own: ROSTER_DATABASE_URL (and ROSTER_DATABASE_ADMIN_URL, to
// create it there) override DATABASE_URL and DATABASE_ADMIN_URL for the roster alone, and so on for every app. The
// shared admin URL never follows a service to its own database: it names another server.
function databaseEnv(app) {
  const prefix = app.toUpperCase().replaceAll('-', '_');
  const own = process.env[`${prefix}_DATABASE_URL`];
  if (!own) return {};
  return { DATABASE_URL: own, DATABASE_ADMIN_URL: process.env[`${prefix}_DATABASE_ADMIN_URL`] || '' };
}

// Each app writes JSON lines into a pipe; `output` prints them (pretty on a terminal) with what a newcomer needs.
function run(app, args = []) {
  const child = spawn(process.execPath, [...NODE_FLAGS, path.join(root, 'dist', 'apps', app, 'main.js'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...MALLOC_ENV, ...process.env, ...databaseEnv(app), ...metricsPort(app), LOG_FORMAT: 'json' },
  });
  output.follow(app, child.stdout);
  return child;
}

// The deploy step that creates or updates the RASAD_EVENTS stream (scripts/nats-setup.js), as the NATS admin user
// when NATS_ADMIN_USER is set; on a developer's broker without users the services would also create it.
function setUpNats() {
  const env = { ...process.env };
  if (process.env.NATS_ADMIN_USER) {
    env.NATS_USER = process.env.NATS_ADMIN_USER;
    env.NATS_PASSWORD = process.env.NATS_ADMIN_PASSWORD;
  }
  const result = spawnSync(process.execPath, [path.join(__dirname, 'nats-setup.js')], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

buildIfNeeded();
buildConsoleIfNeeded();
setUpNats();
// Times in what `npm start` says count from here, after any build.
const startedAt = Date.now();
const output = startOutput({ apps: APPS, startedAt });

if (process.argv.includes('--seed')) {
  run('roster', ['--seed']).on('close', (code) => {
    output.stop();
    process.exit(code ?? 1);
  });
} else {
  const children = APPS.map((app) => ({ app, child: run(app) }));
  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
    const exit = () => {
      output.stop();
      process.exit(code);
    };
    const timer = setTimeout(exit, 10_000);
    timer.unref();
    Promise.all(children.map(({ child }) => child.exitCode !== null || new Promise((r) => child.on('exit', r)))).then(
      exit,
    );
  };
  for (const { app, child } of children) {
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${app} stopped (${signal ?? `exit code ${code}`}); stopping the others`);
        stop(code || 1);
      }
    });
  }
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  announceCaughtUp(startedAt).catch(() => {
    // Only a courtesy: without an answer from the broker, say nothing.
  });
}

// Until the consumers have applied the roster's events (the demo's 5,000 on a first start) a fill finds nobody and
// lists are empty with no explanation: say once when the roster is up and every consumer reports nothing pending,
// twice in a row with nothing applied in between (the roster may still be publishing between two polls).
async function announceCaughtUp(startedAt) {
  const { connect } = require('nats');
  const consumers = (process.env.RASAD_EVENT_CONSUMERS || 'briefings,notifier,meals,lodging,transport,readiness')
    .split(',')
    .filter((s) => s !== 'none');
  const nc = await connect({
    servers: (process.env.NATS_URL || 'nats://127.0.0.1:4222').split(','),
    user: process.env.NATS_USER,
    pass: process.env.NATS_PASSWORD,
    maxReconnectAttempts: -1,
    waitOnFirstConnect: true,
  });
  // NestJS's packet format: {pattern, data, id} out, {response} back.
  const ask = async (subject) => {
    const packet = JSON.stringify({ pattern: subject, data: {}, id: `start-${subject}` });
    const reply = await nc.request(subject, packet, { timeout: 2000 });
    return reply.json().response;
  };
  let previous = null;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000).unref());
    // The roster answers once it has loaded the demo into its outbox and its relay runs: before that, nothing is
    // pending anywhere only because nothing has been published yet.
    const roster = await ask('roster.health.ping.v1').catch(() => null);
    const answers = await Promise.all(consumers.map((s) => ask(`${s}.consumer.status.v1`).catch(() => null)));
    const idle = roster && answers.every((answer) => answer && answer.pending === 0);
    const snapshot = JSON.stringify(answers.map((answer) => answer && answer.lastAppliedAt));
    if (idle && snapshot === previous) {
      const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
      output.say(`${consumers.join(', ')} have applied every event (caught up ${seconds} s after start)`, {
        caughtUp: true,
      });
      await nc.close();
      return;
    }
    previous = idle ? snapshot : null;
  }
}
