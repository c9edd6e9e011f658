import { travelLegsNeeded } from '@rasad/duty-assignments';
import { legTimeOfDuty } from './leg-of-duty';

const POST = '0190b0c0-0000-7000-8000-00000000000a';
const OTHER = '0190b0c0-0000-7000-8000-00000000000b';
const at = (time: string) => new Date(`2027-02-08T${time}:00Z`);

describe('legTimeOfDuty', () => {
  const morning = { id: 'm', postId: POST, startsAt: at('02:00'), endsAt: at('08:00') };
  const afternoon = { id: 'a', postId: POST, startsAt: at('10:00'), endsAt: at('16:00') };
  const elsewhere = { id: 'e', postId: OTHER, startsAt: at('18:00'), endsAt: at('20:00') };

  it('answers the times travelLegsNeeded gives the stay the duty belongs to', () => {
    const duties = [afternoon, morning, elsewhere];
    const legs = travelLegsNeeded(duties, 'provided');
    expect(legs[0]).toEqual({ kind: 'outbound', postId: POST, arriveBy: at('01:30') });
    expect(legTimeOfDuty('a', 'outbound', duties)).toEqual(at('01:30'));
    expect(legTimeOfDuty('m', 'return', duties)).toEqual(at('16:00'));
    expect(legTimeOfDuty('e', 'outbound', duties)).toEqual(at('17:30'));
  });

  it('is null for a duty that is not among the live ones', () => {
    expect(legTimeOfDuty('gone', 'outbound', [morning])).toBeNull();
  });
});
