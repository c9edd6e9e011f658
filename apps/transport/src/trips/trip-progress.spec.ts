import { DomainError } from '@rasad/contracts';
import { nextStatus } from './trip-progress';

describe('a trip on the day', () => {
  it('is dispatched, arrives at its stops and is completed, in that order', () => {
    expect(nextStatus('t', 'planned', 'dispatch')).toBe('dispatched');
    expect(nextStatus('t', 'dispatched', 'arrive')).toBe('en_route');
    expect(nextStatus('t', 'en_route', 'arrive')).toBe('en_route');
    expect(nextStatus('t', 'en_route', 'complete')).toBe('completed');
  });

  it('refuses to arrive before dispatch, or to do anything once completed or cancelled', () => {
    expect(() => nextStatus('t', 'planned', 'arrive')).toThrow('trip t is planned: cannot arrive');
    expect(() => nextStatus('t', 'completed', 'cancel')).toThrow(DomainError);
    expect(() => nextStatus('t', 'cancelled', 'dispatch')).toThrow('trip t is cancelled: cannot dispatch');
  });
});
