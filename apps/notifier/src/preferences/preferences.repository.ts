import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { NoticeChannel } from '@rasad/contracts';
import { ChannelPreference } from './channel-preference.entity';

/** People's own notice channels: one row per person who chose one. */
@Injectable()
export class PreferencesRepository {
  async channel(em: EntityManager, personnelId: string): Promise<NoticeChannel | null> {
    const preference = await em.findOne(ChannelPreference, { personnelId });
    return preference?.channel ?? null;
  }

  async setChannel(em: EntityManager, personnelId: string, channel: NoticeChannel): Promise<void> {
    await em.upsert(ChannelPreference, { personnelId, channel, updatedAt: new Date() });
  }

  async clearChannel(em: EntityManager, personnelId: string): Promise<void> {
    await em.nativeDelete(ChannelPreference, { personnelId });
  }
}
