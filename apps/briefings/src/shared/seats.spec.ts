import { ErrorCode } from '@rasad/contracts';
import { briefingFull, isSeatsViolation } from './seats';
import { uuidArray } from '@rasad/messaging';

describe('seats', () => {
  it('recognises the capacity check only, also when MikroORM wraps the driver error', () => {
    const driver = { code: '23514', constraint: 'session_seats_within_capacity' };
    expect(isSeatsViolation(driver)).toBe(true);
    expect(isSeatsViolation({ name: 'CheckConstraintViolationException', previous: driver })).toBe(true);
    expect(isSeatsViolation({ code: '23514', constraint: 'session_ends_after_start' })).toBe(false);
    expect(isSeatsViolation({ code: '23505', constraint: 'session_seats_within_capacity' })).toBe(false);
  });

  it('names the seats left, the capacity and what was asked for', () => {
    const error = briefingFull('s1', { capacity: 40, seatsTaken: 38 }, 5);
    expect(error.code).toBe(ErrorCode.BriefingFull);
    expect(error.message).toBe('briefing s1 has 2 of 40 seats left (38 taken); 5 more were asked for');
    expect(error.details).toEqual({ sessionId: 's1', capacity: 40, seatsTaken: 38, requested: 5 });
  });

  it('passes id lists to SQL as one array literal, and every district as null', () => {
    expect(uuidArray(['a', 'b'])).toBe('{a,b}');
    expect(uuidArray([])).toBe('{}');
    expect(uuidArray(null)).toBeNull();
  });
});
