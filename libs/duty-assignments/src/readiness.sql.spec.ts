import fc from 'fast-check';
import { Client } from 'pg';
import { serviceUrls } from '@rasad/testing';
import { readinessColour, readinessColourSql } from './readiness';

// Reports colour verdicts in SQL for the time they are asked about; the rule is `readinessColour`. Both must answer
// alike for every count, start and time, edges of the amber horizon included.
describe('readinessColourSql', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: (await serviceUrls()).databaseUrl });
    await client.connect();
  });

  afterAll(() => client.end());

  const colourInSql = async (missing: number, startsAt: Date, now: Date, amberHorizonHours?: number) => {
    const expression = readinessColourSql({
      missingCount: '$1::int',
      startsAt: '$2::timestamptz',
      now: '$3::timestamptz',
      amberHorizonHours,
    });
    const { rows } = await client.query<{ colour: string }>(`select ${expression} as colour`, [
      missing,
      startsAt.toISOString(),
      now.toISOString(),
    ]);
    return rows[0].colour;
  };

  it('agrees with readinessColour', async () => {
    const start = new Date('2027-02-08T01:00:00Z').getTime();
    const hour = 60 * 60 * 1000;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 3 }),
        // Around the horizon to the millisecond, and far on either side.
        fc.oneof(
          fc.integer({ min: -5, max: 5 }).map((ms) => 24 * hour + ms),
          fc.integer({ min: -72 * hour, max: 72 * hour }),
        ),
        fc.constantFrom(undefined, 12, 48),
        async (missing, lead, horizon) => {
          const startsAt = new Date(start);
          const now = new Date(start - lead);
          const expected = readinessColour({
            missing: Array.from({ length: missing }, () => 'x'),
            startsAt,
            now,
            amberHorizonHours: horizon,
          });
          expect(await colourInSql(missing, startsAt, now, horizon)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
