import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, NoticeChannel, NoticeChannelView, SetNoticeChannelMessage } from '@rasad/contracts';
import { NotifierEnv, configuredChannels, missingChannelSettings } from '../notifier.env';
import { ChannelPreference } from './channel-preference.entity';

/** A person's own notice channel; null returns them to the deployment's NOTIFY_CHANNEL. */
@Injectable()
export class PreferencesService {
  private readonly channels: Set<NoticeChannel>;

  constructor(
    private readonly em: EntityManager,
    private readonly env: NotifierEnv,
  ) {
    this.channels = configuredChannels(env);
  }

  async get(personnelId: string): Promise<NoticeChannelView> {
    const preference = await this.em.findOne(ChannelPreference, { personnelId });
    return this.view(personnelId, preference?.channel ?? null);
  }

  async set({ personnelId, channel }: SetNoticeChannelMessage): Promise<NoticeChannelView> {
    if (channel === null || channel === undefined) {
      await this.em.nativeDelete(ChannelPreference, { personnelId });
      return this.view(personnelId, null);
    }
    if (!this.channels.has(channel)) {
      throw new DomainError(ErrorCode.ValidationFailed, missingChannelSettings(channel), [
        { field: 'channel', message: `${channel} is not configured in this deployment` },
      ]);
    }
    await this.em.upsert(ChannelPreference, { personnelId, channel, updatedAt: new Date() });
    return this.view(personnelId, channel);
  }

  private view(personnelId: string, channel: NoticeChannel | null): NoticeChannelView {
    return { personnelId, channel, effectiveChannel: channel ?? this.env.NOTIFY_CHANNEL };
  }
}
