import { DomainError, ErrorCode, TripStatus } from '@rasad/contracts';

export type TripAction = 'dispatch' | 'arrive' | 'complete' | 'cancel';

/** From which statuses each action on the day may be taken, and where it leaves the trip. */
const MOVES: Record<TripAction, { from: readonly TripStatus[]; to: TripStatus }> = {
  dispatch: { from: ['planned'], to: 'dispatched' },
  arrive: { from: ['dispatched', 'en_route'], to: 'en_route' },
  complete: { from: ['dispatched', 'en_route'], to: 'completed' },
  cancel: { from: ['planned', 'dispatched', 'en_route'], to: 'cancelled' },
};

/** The trip's status after `action`, or a 409 naming what it is now. */
export function nextStatus(tripId: string, status: TripStatus, action: TripAction): TripStatus {
  const move = MOVES[action];
  if (!move.from.includes(status)) {
    throw new DomainError(ErrorCode.InvalidState, `trip ${tripId} is ${status}: cannot ${action}`, undefined, {
      tripId,
      status,
    });
  }
  return move.to;
}
