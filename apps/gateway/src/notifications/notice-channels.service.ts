import { Injectable } from '@nestjs/common';
import { NoticeChannel, NoticeChannelView, NotifierSubjects, RosterSubjects } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { AuditService } from '../audit/audit.service';
import { Caller } from '../auth/auth.decorators';

/**
 * Asking the roster for the person first (with the caller's scope, as every request carries it) makes someone
 * outside the caller's districts, or no one at all, a 404 here; the notifier checks the same scope against its own
 * copy of people and duties, so it holds even for a request that does not come through this route. Changes are
 * audited with before and after.
 */
@Injectable()
export class NoticeChannelsService {
  constructor(
    private readonly rasad: RasadClient,
    private readonly audit: AuditService,
  ) {}

  async get(personnelId: string): Promise<NoticeChannelView> {
    await this.rasad.send(RosterSubjects.personnelGet, { id: personnelId });
    return this.rasad.send(NotifierSubjects.noticeChannelGet, { personnelId });
  }

  async set(personnelId: string, channel: NoticeChannel | null, caller: Caller): Promise<NoticeChannelView> {
    const before = await this.get(personnelId);
    const after = await this.rasad.send(NotifierSubjects.noticeChannelSet, { personnelId, channel });
    await this.audit.record({
      action: 'update',
      entity: 'notice_channel',
      entityId: personnelId,
      actor: caller,
      before,
      after,
    });
    return after;
  }
}
