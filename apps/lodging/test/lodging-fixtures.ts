import { loadEnv } from '@rasad/common';
import { Geography, TestApi, createPersonnel, eventually, createUser } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { createLodging } from '../src/bootstrap';
import { LodgingEnv } from '../src/lodging.env';

/** The gateway, the roster and lodging on the suite's own database and broker. */
export function startLodging(suite: string, lodgingEnv: Record<string, string> = {}): Promise<RunningRasad> {
  return startRasad(
    suite,
    {},
    { gateway: { RASAD_SERVICES: 'roster,lodging', RASAD_EVENT_CONSUMERS: 'lodging' } },
    {
      services: [
        (common) => createLodging(loadEnv(LodgingEnv, { RASAD_DEMO_DATA: 'false', ...common, ...lodgingEnv })),
      ],
    },
  );
}

export interface SiteShape {
  id: string;
  rooms: { id: string; name: string; gender: string; beds: { id: string; label: string }[] }[];
}

/** Sites, rooms and beds made through the API, and roster facts with a look at lodging's copy of them. */
export class LodgingWorld {
  constructor(
    private readonly api: TestApi,
    private readonly db: Client,
  ) {}

  async site(geo: Pick<Geography, 'districtId' | 'tehsilId'>, overrides: Record<string, unknown> = {}) {
    const response = await this.api.post('/api/v1/lodging/sites', {
      name: `Govt. High School ${Math.random().toString(36).slice(2, 8)}`,
      kind: 'school',
      districtId: geo.districtId,
      tehsilId: geo.tehsilId,
      address: 'G.T. Road, Haripur',
      latitude: 33.9946,
      longitude: 72.9106,
      facilities: { water: true, toilets: true, bathing: true, power: true },
      suitableForWomen: true,
      ...overrides,
    });
    if (response.status !== 201) {
      throw new Error(`site answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as SiteShape & { name: string };
  }

  async room(siteId: string, gender: string, beds: string[], name = `Room ${Math.random().toString(36).slice(2, 6)}`) {
    const response = await this.api.post(`/api/v1/lodging/sites/${siteId}/rooms`, { name, gender, beds });
    if (response.status !== 201) {
      throw new Error(`room answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as SiteShape['rooms'][number];
  }

  async person(geo: Pick<Geography, 'unitId' | 'districtId'>, overrides: Record<string, unknown> = {}) {
    return (await createPersonnel(this.api, geo, overrides)).id;
  }

  /** A duty at the post from `startsAt` to `endsAt` (ISO with offset). */
  async duty(personnelId: string, postId: string, startsAt: string, endsAt: string): Promise<string> {
    const response = await this.api.post('/api/v1/assignments', {
      personnelId,
      postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt,
      endsAt,
    });
    if (response.status !== 201) {
      throw new Error(`duty answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return (response.body as { id: string }).id;
  }

  /** Signs in a new user of this role in these districts. */
  user(username: string, role: string, districtIds: string[]): Promise<TestApi> {
    return createUser(this.api, username, role, districtIds);
  }

  /** Waits until lodging's copy of the roster holds these duties as they now are (status and window). */
  async projected(dutyIds: string[]): Promise<void> {
    await eventually(
      async () => {
        const { rows } = await this.db.query<{ behind: number }>(
          `select count(*)::int as behind from unnest($1::uuid[]) as want(id)
           where not exists (select 1 from lodging.duty d where d.id = want.id)`,
          [dutyIds],
        );
        expect(rows[0].behind).toBe(0);
      },
      { timeoutMs: 20_000 },
    );
  }

  /** Waits until lodging's copy of the duty matches `condition` (SQL over `d`, the duty's row). */
  async dutyProjectedAs(dutyId: string, condition: string): Promise<void> {
    await eventually(
      async () => {
        const { rows } = await this.db.query(`select 1 from lodging.duty d where d.id = $1 and ${condition}`, [dutyId]);
        expect(rows).toHaveLength(1);
      },
      { timeoutMs: 20_000 },
    );
  }

  /** A post at these coordinates in the geography's police station. */
  async post(geo: Pick<Geography, 'policeStationId'>, code: string, latitude: number, longitude: number) {
    const response = await this.api.post('/api/v1/posts', {
      code,
      name: `Polling station ${code}`,
      kind: 'polling_station',
      category: 'B',
      policeStationId: geo.policeStationId,
      latitude,
      longitude,
    });
    if (response.status !== 201) {
      throw new Error(`post answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return (response.body as { id: string }).id;
  }

  /** Lodging's rows that a refused request must not have changed. */
  async counts(): Promise<{ sites: number; rooms: number; beds: number; allocations: number; nights: number }> {
    const { rows } = await this.db.query<{
      sites: number;
      rooms: number;
      beds: number;
      allocations: number;
      nights: number;
    }>(
      `select (select count(*)::int from lodging.site) as sites, (select count(*)::int from lodging.room) as rooms,
         (select count(*)::int from lodging.bed) as beds, (select count(*)::int from lodging.allocation) as allocations,
         (select count(*)::int from lodging.bed_night) as nights`,
    );
    return rows[0];
  }
}
