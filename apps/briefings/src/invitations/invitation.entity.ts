import { ServiceEntity } from '@rasad/common';
import { Entity, Property } from '@mikro-orm/core';
import { InvitationStatus } from '@rasad/contracts';

/** One person's seat (or refusal) for one session; unique per (session, person). */
@Entity({ tableName: 'invitation' })
export class Invitation extends ServiceEntity {
  @Property({ type: 'uuid' })
  sessionId: string;

  @Property({ type: 'uuid' })
  personnelId: string;

  @Property({ type: 'text' })
  status: InvitationStatus;

  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;
}
