import { AnswerInvitationRequest, DomainError, ErrorCode, InvitationStatus } from '@rasad/contracts';

export interface AnswerOutcome {
  status: InvitationStatus;
  statusReason: string | null;
  /** The reason code carried by evt.briefings.invitation.cancelled.v1, when the seat is given up. */
  cancelledBecause: 'declined' | 'cancelled' | null;
}

/**
 * Only a seated invitation (invited or confirmed) can be answered; confirming twice is harmless. A declined or
 * cancelled invitation is reopened by inviting the person again, which needs a free seat.
 */
export function answerInvitation(
  invitation: { id: string; status: InvitationStatus; statusReason: string | null },
  answer: Pick<AnswerInvitationRequest, 'status' | 'reason'>,
): AnswerOutcome | null {
  if (invitation.status === 'declined' || invitation.status === 'cancelled') {
    throw new DomainError(
      ErrorCode.InvalidState,
      `invitation ${invitation.id} is already ${invitation.status}; invite the person again to give them a seat`,
    );
  }
  switch (answer.status) {
    case 'confirmed':
      return invitation.status === 'confirmed'
        ? null
        : { status: 'confirmed', statusReason: answer.reason ?? null, cancelledBecause: null };
    case 'declined':
      return { status: 'declined', statusReason: answer.reason ?? 'declined', cancelledBecause: 'declined' };
    case 'cancelled':
      return { status: 'cancelled', statusReason: answer.reason ?? 'cancelled', cancelledBecause: 'cancelled' };
  }
}
