import { loadEnv } from '@rasad/common';
import { Geography, TestApi, createPersonnel, rosterProjected } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { createTransport } from '../src/bootstrap';
import { TransportEnv } from '../src/transport.env';

const HOUR = 3600_000;
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** The roster, transport and the gateway on a database and a broker of the suite's own. */
export function startTransport(suite: string, env: Record<string, string> = {}): Promise<RunningRasad> {
  return startRasad(
    suite,
    {},
    { gateway: { RASAD_SERVICES: 'roster,transport', RASAD_EVENT_CONSUMERS: 'transport' } },
    { services: [(common) => createTransport(loadEnv(TransportEnv, { ...common, ...env }))] },
  );
}

function created<T = unknown>(response: { status: number; body: unknown }, what: string): T {
  if (response.status !== 201) {
    throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as T;
}

/** Roster facts and a fleet made through the API, and a look at transport's copy of the roster until it caught up. */
export class TransportWorld {
  private serial = 0;

  constructor(
    readonly api: TestApi,
    readonly db: Client,
  ) {}

  async person(geo: Geography, overrides: Record<string, unknown> = {}): Promise<string> {
    return (await createPersonnel(this.api, geo, overrides)).id;
  }

  async post(geo: Geography, code: string, coordinates = { latitude: 33.99, longitude: 72.93 }): Promise<string> {
    const post = await this.api.post('/api/v1/posts', {
      code,
      name: `Polling station ${code}`,
      kind: 'polling_station',
      category: 'B',
      policeStationId: geo.policeStationId,
      ...coordinates,
    });
    return created<{ id: string }>(post, 'post').id;
  }

  async duty(personnelId: string, postId: string, startsInHours: number, hours = 6): Promise<string> {
    const response = await this.api.post('/api/v1/assignments', {
      personnelId,
      postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt: hoursFromNow(startsInHours),
      endsAt: hoursFromNow(startsInHours + hours),
    });
    return created<{ id: string }>(response, 'duty').id;
  }

  async vehicle(districtId: string, overrides: Record<string, unknown> = {}) {
    const response = await this.api.post('/api/v1/transport/vehicles', {
      registration: `HRA-${++this.serial}${Date.now() % 10000}`,
      type: 'coaster',
      seats: 20,
      owner: 'police',
      districtId,
      ...overrides,
    });
    return created<{ id: string; seats: number }>(response, 'vehicle');
  }

  async driver(geo: Geography, overrides: Record<string, unknown> = {}) {
    const personnelId = await this.person(geo, { rank: 'head_constable' });
    await this.projected([personnelId], [], []);
    const response = await this.api.post('/api/v1/transport/drivers', {
      personnelId,
      districtId: geo.districtId,
      licenceNumber: `LIC-${++this.serial}`,
      licenceClass: 'psv',
      licenceExpiresOn: '2099-12-31',
      ...overrides,
    });
    return created<{ id: string; personnelId: string }>(response, 'driver');
  }

  async pickupPoint(districtId: string) {
    const response = await this.api.post('/api/v1/transport/pickup-points', {
      name: 'Police Lines Haripur',
      kind: 'police_lines',
      districtId,
      latitude: 33.9946,
      longitude: 72.9106,
    });
    return created<{ id: string }>(response, 'pickup point');
  }

  /** An outbound trip body from `startsInHours`, two hours long, stopping at each post a quarter-hour apart. */
  tripBody(
    refs: { districtId: string; vehicleId: string; driverId: string; pickupPointId: string },
    startsInHours: number,
    postIds: string[],
    direction: 'outbound' | 'return' = 'outbound',
  ) {
    return {
      ...refs,
      direction,
      startsAt: hoursFromNow(startsInHours),
      endsAt: hoursFromNow(startsInHours + 2),
      stops: postIds.map((postId, i) => ({
        postId,
        arrivesAt: hoursFromNow(startsInHours + 0.5 + i * 0.25),
        departsAt: hoursFromNow(startsInHours + 0.6 + i * 0.25),
      })),
    };
  }

  /** Signs in a new user of this role in these districts. */
  async user(username: string, role: string, districtIds: string[]): Promise<TestApi> {
    const password = 'a-long-enough-password';
    created(await this.api.post('/api/v1/users', { username, password, role, districtIds }), 'user');
    return this.api.login(username, password);
  }

  async count(table: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(`select count(*)::int as n from transport.${table}`);
    return rows[0].n;
  }

  /** Waits until transport's copy of the roster holds these people, duties and posts. */
  async projected(personnelIds: string[], dutyIds: string[], postIds: string[]): Promise<void> {
    await rosterProjected(this.db, 'transport', { personnelIds, dutyIds, postIds });
  }
}
