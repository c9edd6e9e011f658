import { DomainError, ErrorCode } from '@rasad/contracts';
import {
  ensureAttendable,
  ensureCompletable,
  ensureMovable,
  ensureOpenForInvitations,
  ensureScheduled,
  ensureUpcoming,
  futureWindow,
  sessionWindow,
} from './session-rules';

function caught(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected an error');
}

describe('session rules', () => {
  const now = new Date('2027-02-01T00:00:00Z');
  const upcoming = { id: 's1', status: 'scheduled' as const, startsAt: new Date('2027-02-05T05:00:00Z') };

  it('accepts a slot that ends after it starts, with any offset', () => {
    expect(sessionWindow('2027-02-05T10:00:00+05:00', '2027-02-05T12:00:00+05:00')).toEqual({
      startsAt: new Date('2027-02-05T05:00:00Z'),
      endsAt: new Date('2027-02-05T07:00:00Z'),
    });
  });

  it('names endsAt when the slot ends before (or when) it starts', () => {
    const error = caught(() => sessionWindow('2027-02-05T10:00:00+05:00', '2027-02-05T10:00:00+05:00'));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.errors).toEqual([{ field: 'endsAt', message: 'endsAt must be after startsAt' }]);
  });

  it('refuses to schedule or move a session into the past, naming startsAt', () => {
    const error = caught(() => futureWindow('2027-01-01T10:00:00Z', '2027-01-01T12:00:00Z', now));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.errors).toEqual([{ field: 'startsAt', message: 'startsAt must be in the future' }]);
    expect(futureWindow('2027-02-05T10:00:00+05:00', '2027-02-05T12:00:00+05:00', now).startsAt).toEqual(
      upcoming.startsAt,
    );
  });

  it('lets only a scheduled session that has not started be filled or moved', () => {
    expect(() => ensureUpcoming(upcoming, 'fill', now)).not.toThrow();
    expect(caught(() => ensureUpcoming({ ...upcoming, status: 'cancelled' }, 'fill', now)).message).toBe(
      'briefing s1 is cancelled: cannot fill',
    );
    expect(caught(() => ensureUpcoming(upcoming, 'fill', new Date('2027-02-05T05:00:00Z'))).code).toBe(
      ErrorCode.InvalidState,
    );
  });

  it('cancels any session not held, also once it has started, and moves one only while it has no roll call', () => {
    const started = new Date('2027-02-05T06:00:00Z');
    expect(() => ensureScheduled(upcoming, 'cancel')).not.toThrow();
    expect(caught(() => ensureScheduled({ ...upcoming, status: 'completed' }, 'cancel')).message).toBe(
      'briefing s1 is completed: cannot cancel',
    );
    expect(() => ensureMovable(upcoming, false, started)).not.toThrow();
    expect(() => ensureMovable(upcoming, true, now)).not.toThrow();
    expect(caught(() => ensureMovable(upcoming, true, started)).code).toBe(ErrorCode.InvalidState);
  });

  it('keeps invitations open until the end, and completes a session once it has started', () => {
    const running = { ...upcoming, endsAt: new Date('2027-02-05T07:00:00Z') };
    expect(() => ensureOpenForInvitations(running, new Date('2027-02-05T06:30:00Z'))).not.toThrow();
    expect(caught(() => ensureOpenForInvitations(running, new Date('2027-02-05T07:00:00Z'))).code).toBe(
      ErrorCode.InvalidState,
    );
    expect(caught(() => ensureOpenForInvitations({ ...running, status: 'completed' }, now)).code).toBe(
      ErrorCode.InvalidState,
    );
    expect(caught(() => ensureCompletable(upcoming, now)).code).toBe(ErrorCode.InvalidState);
    expect(() => ensureCompletable(upcoming, new Date('2027-02-05T05:00:00Z'))).not.toThrow();
    expect(caught(() => ensureCompletable({ ...upcoming, status: 'cancelled' }, running.endsAt)).code).toBe(
      ErrorCode.InvalidState,
    );
  });

  it('takes attendance only once a session has started and never for a cancelled one', () => {
    expect(caught(() => ensureAttendable(upcoming, now)).code).toBe(ErrorCode.InvalidState);
    const started = new Date('2027-02-05T06:00:00Z');
    expect(() => ensureAttendable(upcoming, started)).not.toThrow();
    expect(() => ensureAttendable({ ...upcoming, status: 'completed' }, started)).not.toThrow();
    expect(caught(() => ensureAttendable({ ...upcoming, status: 'cancelled' }, started)).code).toBe(
      ErrorCode.InvalidState,
    );
  });
});
