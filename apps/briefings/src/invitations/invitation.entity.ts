import { Entity, Property } from '@mikro-orm/core';
import { InvitationStatus } from '@rasad/contracts';
import { BriefingsEntity } from '../shared/base.entity';

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
