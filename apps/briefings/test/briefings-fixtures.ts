import { loadEnv } from '@rasad/common';
import { EVENT_STREAM, EventEnvelope } from '@rasad/contracts';
import { Geography, TestApi, createPersonnel, createUser, eventually, rosterProjected } from '@rasad/testing';
import { PerApp, RunningRasad, ServiceFactory, startRasad } from '@rasad/testing/rasad-app';
import { AckPolicy, DeliverPolicy, JSONCodec, NatsConnection, connect } from 'nats';
import { Client } from 'pg';
import { createBriefings } from '../src/bootstrap';
import { BriefingsEnv } from '../src/briefings.env';

const HOUR = 3600_000;
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** Roster facts made through the API, and a look at briefings' projection of them until it has caught up. */
export class BriefingsWorld {
  constructor(
    private readonly api: TestApi,
    private readonly db: Client,
  ) {}

  async person(geo: Geography): Promise<string> {
    return (await createPersonnel(this.api, geo)).id;
  }

  async duty(
    personnelId: string,
    postId: string,
    startsInHours: number,
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    const response = await this.api.post('/api/v1/assignments', {
      personnelId,
      postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt: hoursFromNow(startsInHours),
      endsAt: hoursFromNow(startsInHours + 6),
      ...extra,
    });
    if (response.status !== 201) {
      throw new Error(`duty answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return (response.body as { id: string }).id;
  }

  async session(districtId: string, startsInHours: number, overrides: Record<string, unknown> = {}) {
    const response = await this.api.post('/api/v1/briefings', {
      title: 'Code of conduct and security protocol',
      topics: ['code_of_conduct', 'security_protocol'],
      venue: { name: 'Police Lines Hall', address: 'G.T. Road, Haripur', capacity: 10 },
      startsAt: hoursFromNow(startsInHours),
      endsAt: hoursFromNow(startsInHours + 2),
      presenter: 'DSP Legal',
      districtId,
      ...overrides,
    });
    if (response.status !== 201) {
      throw new Error(`session answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as { id: string; seatsTaken: number; sequence: number; status: string };
  }

  /**
   * Makes a session look as if it began `startedHoursAgo` hours ago and runs for two hours: the API refuses to
   * schedule one in the past, and a test cannot wait for hours.
   */
  async started(sessionId: string, startedHoursAgo = 1): Promise<void> {
    const { rowCount } = await this.db.query(
      `update briefings.session set starts_at = now() - make_interval(secs => $2 * 3600),
         ends_at = now() - make_interval(secs => $2 * 3600) + interval '2 hours' where id = $1`,
      [sessionId, startedHoursAgo],
    );
    expect(rowCount).toBe(1);
  }

  /** Signs in a new user of this role in these districts. */
  user(username: string, role: string, districtIds: string[]): Promise<TestApi> {
    return createUser(this.api, username, role, districtIds);
  }

  /** Waits until briefings has applied the roster's cancellation of this duty. */
  async eventuallyCancelled(dutyId: string): Promise<void> {
    await eventually(async () => {
      const { rows } = await this.db.query<{ status: string }>('select status from briefings.duty where id = $1', [
        dutyId,
      ]);
      expect(rows[0]?.status).toBe('cancelled');
    });
  }

  /** Waits until briefings has applied the roster's events for these people and duties (and their posts). */
  async projected(personnelIds: string[], dutyIds: string[], postIds: string[] = []): Promise<void> {
    await rosterProjected(this.db, 'briefings', { personnelIds, dutyIds, postIds });
  }
}

/** Every event on the suite's own stream under a subject filter, in stream order. */
export async function streamEvents<T = unknown>(nc: NatsConnection, filter: string): Promise<EventEnvelope<T>[]> {
  const codec = JSONCodec<EventEnvelope<T>>();
  const jsm = await nc.jetstreamManager();
  const consumer = await jsm.consumers.add(EVENT_STREAM, {
    filter_subject: filter,
    deliver_policy: DeliverPolicy.All,
    ack_policy: AckPolicy.None,
    inactive_threshold: 10_000_000_000,
  });
  const found: EventEnvelope<T>[] = [];
  try {
    const reader = await nc.jetstream().consumers.get(EVENT_STREAM, consumer.name);
    let seen = 0;
    while (seen < consumer.num_pending) {
      const batch = await reader.fetch({ max_messages: Math.min(consumer.num_pending - seen, 1000), expires: 2000 });
      for await (const msg of batch) {
        seen++;
        found.push(codec.decode(msg.data));
      }
    }
  } finally {
    await jsm.consumers.delete(EVENT_STREAM, consumer.name).catch(() => undefined);
  }
  return found;
}

/** A briefings suite's running system, and what its tests reach it by. */
export interface BriefingsSuite {
  rasad: RunningRasad;
  api: TestApi;
  /** On the suite's database, to look at briefings' tables. */
  db: Client;
  /** On the suite's nats-server, to read its stream. */
  nc: NatsConnection;
  world: BriefingsWorld;
  stop(): Promise<void>;
}

export interface BriefingsSuiteOptions {
  /** Settings of the briefings service on top of the suite's common ones. */
  briefings?: Record<string, string>;
  /** The gateway's, on top of RASAD_EVENT_CONSUMERS=briefings. */
  gateway?: PerApp['gateway'];
  /** Services started after briefings (the notifier, for a suite that follows a notice to its person). */
  services?: ServiceFactory[];
}

/** The briefings service for a suite's common settings and its own. */
export const briefingsService =
  (env: Record<string, string> = {}): ServiceFactory =>
  (common) =>
    createBriefings(loadEnv(BriefingsEnv, { ...common, ...env }));

/** Roster, gateway and briefings on a database and a nats-server of the suite's own. */
export async function startBriefingsSuite(suite: string, options: BriefingsSuiteOptions = {}): Promise<BriefingsSuite> {
  const rasad = await startRasad(
    suite,
    {},
    { gateway: { RASAD_EVENT_CONSUMERS: 'briefings', ...options.gateway } },
    { services: [briefingsService(options.briefings), ...(options.services ?? [])] },
  );
  const db = new Client({ connectionString: rasad.database.url });
  await db.connect();
  const nc = await connect({ servers: rasad.commonEnv.NATS_URL });
  return {
    rasad,
    api: rasad.api,
    db,
    nc,
    world: new BriefingsWorld(rasad.api, db),
    async stop() {
      await nc.close();
      await db.end();
      await rasad.stop();
    },
  };
}
