import { DomainError } from '@rasad/contracts';
import { tripPlan } from './trip-plan';

const POST_A = '0190b0c0-0000-7000-8000-00000000000a';
const POST_B = '0190b0c0-0000-7000-8000-00000000000b';

const at = (time: string) => `2027-02-08T${time}:00+05:00`;

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as DomainError).errors?.[0]?.field;
  }
  return undefined;
}

describe('tripPlan', () => {
  const trip = {
    startsAt: at('05:00'),
    endsAt: at('07:00'),
    stops: [
      { postId: POST_A, arrivesAt: at('05:40'), departsAt: at('05:45') },
      { postId: POST_B, arrivesAt: at('06:10'), departsAt: at('06:15') },
    ],
  };

  it('numbers the stops in the order driven', () => {
    const plan = tripPlan(trip);
    expect(plan.stops.map((s) => [s.position, s.postId])).toEqual([
      [0, POST_A],
      [1, POST_B],
    ]);
    expect(plan.endsAt.toISOString()).toBe('2027-02-08T02:00:00.000Z');
  });

  it('names endsAt for a trip that ends before it starts', () => {
    expect(fieldOf(() => tripPlan({ ...trip, endsAt: at('04:00') }))).toBe('endsAt');
    expect(fieldOf(() => tripPlan({ ...trip, endsAt: trip.startsAt }))).toBe('endsAt');
  });

  it('names the stop reached before the one before it was left', () => {
    const stops = [trip.stops[1], trip.stops[0]];
    expect(fieldOf(() => tripPlan({ ...trip, stops }))).toBe('stops[1].arrivesAt');
  });

  it('names a stop left before it is reached, one outside the window and a post visited twice', () => {
    const left = [{ ...trip.stops[0], departsAt: at('05:30') }];
    expect(fieldOf(() => tripPlan({ ...trip, stops: left }))).toBe('stops[0].departsAt');
    const early = [{ ...trip.stops[0], arrivesAt: at('04:30') }];
    expect(fieldOf(() => tripPlan({ ...trip, stops: early }))).toBe('stops[0].arrivesAt');
    const late = [{ ...trip.stops[0], departsAt: at('07:30') }];
    expect(fieldOf(() => tripPlan({ ...trip, stops: late }))).toBe('stops[0].departsAt');
    const twice = [trip.stops[0], { ...trip.stops[1], postId: POST_A }];
    expect(fieldOf(() => tripPlan({ ...trip, stops: twice }))).toBe('stops[1].postId');
  });
});
