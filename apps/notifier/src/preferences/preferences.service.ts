import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  DomainError,
  ErrorCode,
  NoticeChannel,
  NoticeChannelView,
  SetNoticeChannelMessage,
} from '@rasad/contracts';
import { DirectoryRepository } from '../directory/directory.repository';
import { NotifierEnv, configuredChannels, missingChannelSettings } from '../notifier.env';
import { PreferencesRepository } from './preferences.repository';

/**
 * A person's own notice channel; null returns them to the deployment's NOTIFY_CHANNEL. Only for people in the
 * caller's districts (home district or a live duty's post): anyone else is a 404, checked here and not only by the
 * gateway, so a request that reaches the notifier some other way is held to the same rule.
 */
@Injectable()
export class PreferencesService {
  private readonly channels: Set<NoticeChannel>;

  constructor(
    private readonly em: EntityManager,
    private readonly env: NotifierEnv,
    private readonly directory: DirectoryRepository,
    private readonly preferences: PreferencesRepository,
  ) {
    this.channels = configuredChannels(env);
  }

  async get(personnelId: string, scope: CallerScope): Promise<NoticeChannelView> {
    await this.ensureInScope(personnelId, scope);
    return this.view(personnelId, await this.preferences.channel(this.em, personnelId));
  }

  async set({ personnelId, channel }: SetNoticeChannelMessage, scope: CallerScope): Promise<NoticeChannelView> {
    await this.ensureInScope(personnelId, scope);
    if (channel === null || channel === undefined) {
      await this.preferences.clearChannel(this.em, personnelId);
      return this.view(personnelId, null);
    }
    if (!this.channels.has(channel)) {
      throw new DomainError(ErrorCode.ValidationFailed, missingChannelSettings(channel), [
        { field: 'channel', message: `${channel} is not configured in this deployment` },
      ]);
    }
    await this.preferences.setChannel(this.em, personnelId, channel);
    return this.view(personnelId, channel);
  }

  private async ensureInScope(personnelId: string, scope: CallerScope): Promise<void> {
    if (
      scope.districtIds !== null &&
      !(await this.directory.personInDistricts(this.em, personnelId, scope.districtIds))
    ) {
      throw DomainError.notFound('personnel', personnelId);
    }
  }

  private view(personnelId: string, channel: NoticeChannel | null): NoticeChannelView {
    return { personnelId, channel, effectiveChannel: channel ?? this.env.NOTIFY_CHANNEL };
  }
}
