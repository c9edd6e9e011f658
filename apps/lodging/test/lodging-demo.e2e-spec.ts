import { demoUuid, loadEnv } from '@rasad/common';
import { eventually } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { seedDemo } from '../../roster/src/bootstrap';
import { createLodging, seedLodgingDemo } from '../src/bootstrap';
import { LodgingEnv } from '../src/lodging.env';

const HARIPUR = demoUuid('district:HRP');

interface Unhoused {
  personnelId: string;
  night: string;
  reason: string;
}

/** The Haripur demo out of the box: the roster's people and duties, lodging's sites, one auto-allocation. */
describe('lodging on the Haripur demo', () => {
  let rasad: RunningRasad;
  let db: Client;

  beforeAll(async () => {
    rasad = await startRasad(
      'lodging_demo',
      {},
      { gateway: { RASAD_SERVICES: 'roster,lodging', RASAD_EVENT_CONSUMERS: 'lodging' } },
      { services: [(common) => createLodging(loadEnv(LodgingEnv, { ...common, RASAD_DEMO_DATA: 'true' }))] },
    );
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    await seedDemo(rasad.roster, true);
    await seedLodgingDemo(rasad.services[0]);
    await seedLodgingDemo(rasad.services[0]);
    await eventually(
      async () => {
        const { rows } = await db.query<{ behind: number }>(
          `select (select count(*)::int from roster.duty_assignment) - (select count(*)::int from lodging.duty) +
             (select count(*)::int from roster.personnel) - (select count(*)::int from lodging.personnel) as behind`,
        );
        expect(rows[0].behind).toBe(0);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('houses the demo district and leaves only the people it says why it could not house', async () => {
    const sites = await rasad.api.get(`/api/v1/lodging/sites?districtId=${HARIPUR}&limit=100`);
    expect(sites.body.total).toBe(14);

    const started = Date.now();
    const answer = await rasad.api.post('/api/v1/lodging/allocations/auto', {
      districtId: HARIPUR,
      from: '2027-02-06',
      to: '2027-02-09',
    });
    const seconds = (Date.now() - started) / 1000;
    expect(answer.status).toBe(200);
    expect(answer.body.housedNights).toBeGreaterThan(500);
    const unhoused = answer.body.unhoused as Unhoused[];
    for (const night of unhoused) {
      expect(['no_bed_near_enough', 'no_room_for_gender', 'person_not_known']).toContain(night.reason);
    }

    // Every needed night without a bed is one the answer named, and no other.
    const listed: string[] = [];
    let cursor: string | null = null as string | null;
    do {
      const page: { status: number; body: { items: Unhoused[]; nextCursor: string | null } } = await rasad.api.get(
        `/api/v1/lodging/nights?districtId=${HARIPUR}&from=2027-02-06&to=2027-02-09&state=unhoused&limit=500` +
          (cursor ? `&cursor=${cursor}` : ''),
      );
      expect(page.status).toBe(200);
      listed.push(...page.body.items.map((n: Unhoused) => `${n.personnelId}|${n.night}`));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(listed.sort()).toEqual(unhoused.map((n) => `${n.personnelId}|${n.night}`).sort());

    const housed = await rasad.api.get(
      `/api/v1/lodging/nights?districtId=${HARIPUR}&from=2027-02-06&to=2027-02-09&state=housed&limit=1`,
    );
    expect(housed.body.total).toBe(answer.body.housedNights);
    // The figure for the README and the report.
    console.log(
      `auto-allocation of the demo: ${answer.body.housedNights} nights housed, ${unhoused.length} unhoused, ${seconds.toFixed(2)} s`,
    );
  });
});
