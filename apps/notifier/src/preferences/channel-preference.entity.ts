import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { NoticeChannel } from '@rasad/contracts';

/** A person's own channel; without a row, the deployment's NOTIFY_CHANNEL applies. */
@Entity({ tableName: 'channel_preference' })
export class ChannelPreference {
  @PrimaryKey({ type: 'uuid' })
  personnelId: string;

  @Property({ type: 'text' })
  channel: NoticeChannel;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
