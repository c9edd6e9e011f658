import { travelLegsNeeded } from '@rasad/duty-assignments';
import { legsNeeded } from './legs-needed';

const POST_A = '0190b0c0-0000-7000-8000-00000000000a';
const POST_B = '0190b0c0-0000-7000-8000-00000000000b';
const at = (time: string) => new Date(`2027-02-08T${time}:00Z`);

const duty = (id: string, personnelId: string, postId: string, from: string, to: string) => ({
  id,
  personnelId,
  postId,
  startsAt: at(from),
  endsAt: at(to),
});

describe('legsNeeded', () => {
  it("gives each person the legs travelLegsNeeded gives their duties, naming each stay's duties", () => {
    const duties = [
      duty('d1', 'p1', POST_A, '02:00', '08:00'),
      duty('d2', 'p1', POST_A, '10:00', '16:00'),
      duty('d3', 'p2', POST_B, '03:00', '09:00'),
    ];
    const legs = legsNeeded(duties);
    const p1 = legs.filter((leg) => leg.personnelId === 'p1');
    expect(p1.map(({ kind, postId, at }) => ({ kind, postId, at }))).toEqual(
      travelLegsNeeded(duties.slice(0, 2), 'provided').map((leg) => ({
        kind: leg.kind,
        postId: leg.postId,
        at: leg.kind === 'outbound' ? leg.arriveBy : leg.departAfter,
      })),
    );
    expect(p1[0].dutyIds).toEqual(['d1', 'd2']);
    expect(legs.filter((leg) => leg.personnelId === 'p2')).toEqual([
      { personnelId: 'p2', postId: POST_B, kind: 'outbound', at: at('02:30'), dutyIds: ['d3'] },
      { personnelId: 'p2', postId: POST_B, kind: 'return', at: at('09:00'), dutyIds: ['d3'] },
    ]);
  });

  it('needs nothing for someone without live duties', () => {
    expect(legsNeeded([])).toEqual([]);
  });
});
