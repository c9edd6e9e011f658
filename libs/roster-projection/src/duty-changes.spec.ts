import { AssignmentEvent, EventEnvelope } from '@rasad/contracts';
import { v7 as uuidv7 } from 'uuid';
import { DutyEvent, HeldDuty, dutyChanges, laterEvent } from './duty-changes';

const duty = (status: AssignmentEvent['status'], id = '01939a4e-0000-7000-8000-000000000001'): AssignmentEvent => ({
  id,
  personnelId: '01939a4e-0000-7000-8000-000000000002',
  postId: '01939a4e-0000-7000-8000-000000000003',
  role: 'guard',
  phase: 'poll_day',
  status,
  startsAt: '2027-02-08T01:00:00.000Z',
  endsAt: '2027-02-08T13:00:00.000Z',
});
const envelope = (id = uuidv7()) => ({ id }) as EventEnvelope;

describe('dutyChanges', () => {
  it('gives each event of a run the status held just before it, as if applied one at a time', () => {
    const [first, second, third] = [uuidv7(), uuidv7(), uuidv7()];
    const run: DutyEvent[] = [
      { kind: 'changed', envelope: envelope(first), duty: duty('confirmed'), before: duty('planned'), reason: null },
      { kind: 'cancelled', envelope: envelope(second), duty: duty('cancelled'), reason: 'sick' },
      { kind: 'changed', envelope: envelope(third), duty: duty('planned'), before: duty('cancelled'), reason: null },
    ];
    const held = new Map<string, HeldDuty>([[run[0].duty.id, { status: 'planned', eventId: null }]]);

    expect(dutyChanges(run, held).map(({ held: h, stale }) => [h, stale])).toEqual([
      ['planned', false],
      ['confirmed', false],
      ['cancelled', false],
    ]);
  });

  it('marks stale an event older than the one held, and a created for a duty already held', () => {
    const older = uuidv7();
    const newer = uuidv7();
    const held = new Map<string, HeldDuty>([[duty('cancelled').id, { status: 'cancelled', eventId: newer }]]);
    const run: DutyEvent[] = [
      { kind: 'cancelled', envelope: envelope(older), duty: duty('cancelled'), reason: null },
      { kind: 'created', envelope: envelope(), duty: duty('planned') },
    ];

    expect(dutyChanges(run, held).map(({ held: h, stale }) => [h, stale])).toEqual([
      ['cancelled', true],
      ['cancelled', true],
    ]);
  });

  it('holds nothing before the first event of a duty it has not seen', () => {
    const [change] = dutyChanges([{ kind: 'created', envelope: envelope(), duty: duty('planned') }], new Map());
    expect(change).toMatchObject({ held: null, stale: false });
  });
});

describe('laterEvent', () => {
  it('orders UUID v7 event ids by time, whatever their case, and anything is later than no event', () => {
    const first = uuidv7();
    const second = uuidv7();
    expect(laterEvent(second, first)).toBe(true);
    expect(laterEvent(first.toUpperCase(), second)).toBe(false);
    expect(laterEvent(first, null)).toBe(true);
  });
});
