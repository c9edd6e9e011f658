import { connect } from 'node:net';
import { Client } from 'pg';

/**
 * Where the tests find PostgreSQL and NATS: DATABASE_URL / NATS_URL when set (as CI sets them), else the
 * local servers on their default ports when they answer, else containers through testcontainers (needs Docker).
 */
let containers: Promise<{ databaseUrl: string; natsUrl: string; stop: () => Promise<void> }> | undefined;

async function startContainers() {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { NatsContainer } = await import('@testcontainers/nats');
  const pg = await new PostgreSqlContainer('postgres:15').withDatabase('test').start();
  const nats = await new NatsContainer('nats:2.10').withJetStream().start();
  return {
    databaseUrl: pg.getConnectionUri(),
    natsUrl: `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`,
    stop: async () => {
      await nats.stop();
      await pg.stop();
    },
  };
}

const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const LOCAL_NATS_URL = 'nats://127.0.0.1:4222';

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, timeout: 500 });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket
      .once('connect', () => done(true))
      .once('error', () => done(false))
      .once('timeout', () => done(false));
  });
}

export async function serviceUrls(): Promise<{ databaseUrl: string; natsUrl: string }> {
  let databaseUrl = process.env.DATABASE_URL;
  let natsUrl = process.env.NATS_URL;
  if (!databaseUrl && (await answers(5432))) {
    databaseUrl = LOCAL_DATABASE_URL;
  }
  if (!natsUrl && (await answers(4222))) {
    natsUrl = LOCAL_NATS_URL;
  }
  if (databaseUrl && natsUrl) {
    return { databaseUrl, natsUrl };
  }
  containers ??= startContainers();
  const started = await containers;
  return { databaseUrl: databaseUrl ?? started.databaseUrl, natsUrl: natsUrl ?? started.natsUrl };
}

/** Refuses any database that is not plainly a test database: a test must never touch real data. */
export function assertTestDatabase(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name.includes('test')) {
    throw new Error(`refusing to run tests against database "${name}": its name must contain "test"`);
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database of the suite's own, dropped afterwards, so suites never see each other's rows. */
export async function createTestDatabase(suite: string): Promise<TestDatabase> {
  const { databaseUrl } = await serviceUrls();
  const name = `rasad_test_${suite.replace(/\W+/g, '_').toLowerCase()}_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  assertTestDatabase(url.toString());
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database "${name}"`);
  return {
    url: url.toString(),
    name,
    drop: () => run(`drop database if exists "${name}" with (force)`),
  };
}
