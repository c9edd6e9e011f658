import { Entity, Property } from '@mikro-orm/core';
import { InvitationStatus, InvitationView } from '@rasad/contracts';
import { BriefingsEntity, timestamps } from '../shared/base.entity';

/** One person's seat (or refusal) for one session; unique per (session, person). */
@Entity({ tableName: 'invitation' })
export class Invitation extends BriefingsEntity {
  @Property({ type: 'uuid' })
  sessionId: string;

  @Property({ type: 'uuid' })
  personnelId: string;

  @Property({ type: 'text' })
  status: InvitationStatus;

  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;
}

export function invitationView(invitation: Invitation, personnelName: string): InvitationView {
  return {
    id: invitation.id,
    sessionId: invitation.sessionId,
    personnelId: invitation.personnelId,
    personnelName,
    status: invitation.status,
    statusReason: invitation.statusReason,
    ...timestamps(invitation),
  };
}
