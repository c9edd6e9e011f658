import { ErrorCode } from '@rasad/contracts';
import { answerInvitation } from './invitation-answer';

describe('answerInvitation', () => {
  const invited = { id: 'i1', status: 'invited' as const, statusReason: null };

  it('confirms a seat, and confirming again changes nothing', () => {
    expect(answerInvitation(invited, { status: 'confirmed' })).toEqual({
      status: 'confirmed',
      statusReason: null,
      cancelledBecause: null,
    });
    expect(answerInvitation({ ...invited, status: 'confirmed' }, { status: 'confirmed' })).toBeNull();
  });

  it('gives the seat up on decline or cancel, keeping the reason given', () => {
    expect(answerInvitation(invited, { status: 'declined', reason: 'On leave' })).toEqual({
      status: 'declined',
      statusReason: 'On leave',
      cancelledBecause: 'declined',
    });
    expect(answerInvitation({ ...invited, status: 'confirmed' }, { status: 'cancelled' })).toMatchObject({
      status: 'cancelled',
      cancelledBecause: 'cancelled',
    });
  });

  it('refuses to answer an invitation that no longer holds a seat', () => {
    expect(() => answerInvitation({ ...invited, status: 'declined' }, { status: 'confirmed' })).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidState }),
    );
  });
});
