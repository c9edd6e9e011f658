import { eventually } from '@rasad/testing';
import { RunningRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { seedDemo } from '../../roster/src/bootstrap';
import { toLocalDate, travelLegsNeeded } from '@rasad/duty-assignments';
import { buildHaripurDemo } from '../../roster/src/seed/haripur-demo';
import { loadDemoFleet } from '../src/bootstrap';
import { startTransport } from './transport-fixtures';

const POLL_DAY = '2027-02-08';

function pollDayLegs(): number {
  const demo = buildHaripurDemo({ pollDay: POLL_DAY });
  return demo.personnel
    .flatMap((person) =>
      travelLegsNeeded(
        demo.assignments
          .filter((duty) => duty.personnelId === person.id)
          .map((duty) => ({ postId: duty.postId, startsAt: new Date(duty.startsAt), endsAt: new Date(duty.endsAt) })),
        person.travelMode,
      ),
    )
    .filter((leg) => toLocalDate(leg.kind === 'outbound' ? leg.arriveBy : leg.departAfter, 'Asia/Karachi') === POLL_DAY)
    .length;
}

/**
 * The planner on the demo's poll day: the roster's Haripur demo (about 2,100 people, 2,500 duties) and the demo
 * fleet. Every leg of the day is covered by the draft or listed with why, the draft is accepted in one go without a
 * conflict, and accepting it a second time is refused whole.
 */
describe('transport planner on the demo poll day', () => {
  let rasad: RunningRasad;
  let db: Client;
  let districtId: string;

  beforeAll(async () => {
    rasad = await startTransport('transport_planner');
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    await seedDemo(rasad.roster, false);
    await eventually(
      async () => {
        // Every person too: whether they travel on their own decides whether their legs are listed.
        const { rows } = await db.query(
          `select (select count(*)::int from roster.duty_assignment) as duties,
                  (select count(*)::int from roster.personnel) as people,
                  (select count(*)::int from roster.post) as posts,
                  (select count(*)::int from transport.duty) as "copiedDuties",
                  (select count(*)::int from transport.personnel) as "copiedPeople",
                  (select count(*)::int from transport.post) as "copiedPosts"`,
        );
        const { duties, people, posts, copiedDuties, copiedPeople, copiedPosts } = rows[0];
        expect({ duties: copiedDuties, people: copiedPeople, posts: copiedPosts }).toEqual({ duties, people, posts });
      },
      { timeoutMs: 120_000 },
    );
    expect(await loadDemoFleet(rasad.services[0], 5)).toBe(true);
    const districts = await rasad.api.get('/api/v1/districts?limit=500');
    districtId = districts.body.items.find((d: { code: string }) => d.code === 'HRP').id;
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  async function uncovered(): Promise<number> {
    const legs = await rasad.api.get(
      `/api/v1/transport/legs?districtId=${districtId}&date=${POLL_DAY}&status=uncovered`,
    );
    expect(legs.status).toBe(200);
    return legs.body.total;
  }

  it('covers every leg the fleet can carry, says why for the rest, and is accepted at once without a conflict', async () => {
    const before = await uncovered();
    // Every leg the demo's duties need that day, worked out here from the demo itself: a leg lost or doubled
    // between duty events applied side by side would show.
    expect(before).toBe(pollDayLegs());
    const draft = await rasad.api.post('/api/v1/transport/plans', { districtId, date: POLL_DAY });
    expect(draft.status).toBe(200);
    const { coverage, trips } = draft.body;
    const left: { reason: string; legId: string }[] = draft.body.uncovered;
    // The demo roster posts everyone but 15 people on the poll day, so only 15 can drive: what they cannot carry
    // waits for a driver; a person due at another post while a trip would carry them is not carried twice.
    expect(new Set(left.map((u) => u.reason))).toEqual(new Set(['no_driver', 'already_travelling']));
    expect(coverage.legs).toBe(before);
    expect(coverage.legsCovered + left.length).toBe(before);
    expect(coverage.legsCovered).toBeGreaterThan(1000);
    expect(coverage.seatsFilled).toBeLessThanOrEqual(coverage.seatsOffered);
    expect(coverage.vehiclesUsed).toBeLessThan(coverage.onePerPost.vehicles);
    const drivers = (await db.query('select count(*)::int as n from transport.driver')).rows[0].n;
    console.log(
      `planner ${POLL_DAY}: legs=${coverage.legs} covered=${coverage.legsCovered} trips=${trips.length} ` +
        `vehicles=${coverage.vehiclesUsed} (drivers=${drivers}) vehicleHours=${coverage.vehicleHours} ` +
        `seats=${coverage.seatsFilled}/${coverage.seatsOffered}; one vehicle per post: ` +
        `vehicles=${coverage.onePerPost.vehicles} vehicleHours=${coverage.onePerPost.vehicleHours}`,
    );

    const accepted = await rasad.api.post('/api/v1/transport/plans/accept', { districtId, trips: draft.body.trips });
    expect(accepted.status).toBe(201);
    expect(accepted.body.tripIds).toHaveLength(draft.body.trips.length);
    expect(accepted.body.passengers).toBe(coverage.legsCovered);
    expect(await uncovered()).toBe(left.length);

    // The same draft again finds its vehicles taken: refused whole, nothing written.
    const written = (await db.query('select count(*)::int as n from transport.trip')).rows[0].n;
    const again = await rasad.api.post('/api/v1/transport/plans/accept', { districtId, trips: draft.body.trips });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/^trips\[0\]: .*plan again$/);
    expect((await db.query('select count(*)::int as n from transport.trip')).rows[0].n).toBe(written);

    const next = await rasad.api.post('/api/v1/transport/plans', { districtId, date: POLL_DAY });
    // What is left is what no driver was free for: planning again proposes nothing new.
    expect(next.body.trips).toEqual([]);
    expect(next.body.coverage.legs).toBe(left.length);
  });
});
