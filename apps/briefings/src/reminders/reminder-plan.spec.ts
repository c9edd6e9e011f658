import { DueReminder, InvitationState, planReminders, settleReminder } from './reminder-plan';

const HOUR = 3600;
const OFFSETS = [24 * HOUR, 2 * HOUR];
const now = new Date('2027-02-01T10:00:00Z');
const startsAt = new Date('2027-02-05T10:00:00Z');
const seated: InvitationState = { invitationStatus: 'invited', sessionStatus: 'scheduled', startsAt, sequence: 0 };
const clock = { now, since: now };

describe('planReminders', () => {
  it('plans one reminder per offset before the start, for the current version of the session', () => {
    expect(planReminders({ ...seated, sequence: 3 }, OFFSETS, clock)).toEqual([
      { offsetSeconds: 86_400, sessionSequence: 3, dueAt: new Date('2027-02-04T10:00:00Z') },
      { offsetSeconds: 7_200, sessionSequence: 3, dueAt: new Date('2027-02-05T08:00:00Z') },
    ]);
  });

  it('plans for confirmed seats as for invited ones', () => {
    expect(planReminders({ ...seated, invitationStatus: 'confirmed' }, OFFSETS, clock)).toHaveLength(2);
  });

  it.each(['declined', 'cancelled'] as const)('plans nothing for a %s invitation', (invitationStatus) => {
    expect(planReminders({ ...seated, invitationStatus }, OFFSETS, clock)).toEqual([]);
  });

  it.each(['cancelled', 'completed'] as const)('plans nothing for a %s session', (sessionStatus) => {
    expect(planReminders({ ...seated, sessionStatus }, OFFSETS, clock)).toEqual([]);
  });

  it('plans nothing once the session has started', () => {
    expect(planReminders(seated, OFFSETS, { now: startsAt, since: startsAt })).toEqual([]);
  });

  it('leaves out an offset whose time had passed when the person was invited', () => {
    const invitedLate = new Date('2027-02-05T07:00:00Z');
    expect(planReminders(seated, OFFSETS, { now: invitedLate, since: invitedLate })).toEqual([
      { offsetSeconds: 7_200, sessionSequence: 0, dueAt: new Date('2027-02-05T08:00:00Z') },
    ]);
  });

  it('keeps an offset that fell due while the change waited to be applied: it fires at once', () => {
    const since = new Date('2027-02-04T09:00:00Z');
    const later = new Date('2027-02-04T11:00:00Z');
    expect(planReminders(seated, OFFSETS, { now: later, since }).map((r) => r.offsetSeconds)).toEqual([86_400, 7_200]);
  });
});

describe('settleReminder', () => {
  const due: DueReminder = { ...seated, offsetSeconds: 7_200, sessionSequence: 0, started: false };

  it('fires a reminder that still stands', () => {
    expect(settleReminder(due, OFFSETS)).toBe('fired');
  });

  it('misses one whose session has started, e.g. after the service was down', () => {
    expect(settleReminder({ ...due, started: true }, OFFSETS)).toBe('missed');
  });

  it('drops one planned for an earlier version of a rescheduled session', () => {
    expect(settleReminder({ ...due, sequence: 1 }, OFFSETS)).toBe('dropped');
  });

  it('drops one whose seat was given up or whose session was cancelled', () => {
    expect(settleReminder({ ...due, invitationStatus: 'declined' }, OFFSETS)).toBe('dropped');
    expect(settleReminder({ ...due, sessionStatus: 'cancelled', started: true }, OFFSETS)).toBe('dropped');
  });

  it('drops one for an offset that is no longer configured', () => {
    expect(settleReminder(due, [86_400])).toBe('dropped');
  });
});
