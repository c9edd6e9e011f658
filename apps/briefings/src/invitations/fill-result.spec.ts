import { splitFill } from './fill-result';

const row = (id: string, firstDuty: string, invitationId: string | null, total: number) => ({
  personnelId: id,
  firstDuty: new Date(firstDuty),
  total,
  invitationId,
});

describe('splitFill', () => {
  it('keeps the earliest-duty order and counts everyone left over, listed or not', () => {
    const result = splitFill([
      row('p1', '2027-02-07T01:00:00Z', 'i1', 1500),
      row('p2', '2027-02-07T02:00:00Z', 'i2', 1500),
      ...Array.from({ length: 1001 }, (_, n) => row(`q${n}`, '2027-02-08T01:00:00Z', null, 1500)),
    ]);
    expect(result.invited).toEqual([
      { personnelId: 'p1', firstDutyStartsAt: '2027-02-07T01:00:00.000Z', invitationId: 'i1' },
      { personnelId: 'p2', firstDutyStartsAt: '2027-02-07T02:00:00.000Z', invitationId: 'i2' },
    ]);
    expect(result.leftOver).toHaveLength(1000);
    expect(result.leftOver[0].personnelId).toBe('q0');
    expect(result.leftOverTotal).toBe(1498);
  });

  it('answers an empty fill when no one is eligible', () => {
    expect(splitFill([])).toEqual({ invited: [], leftOver: [], leftOverTotal: 0 });
  });
});
