import { Module } from '@nestjs/common';
import { NotifierEnv, configuredChannels } from '../notifier.env';
import { CHANNEL_SENDERS, ChannelSender } from './channel-sender';
import { LogSender } from './log.sender';
import { SmsSender } from './sms.sender';
import { WebhookSender } from './webhook.sender';

/** One sender per configured channel; a channel without its settings has none (its notices fail, saying why). */
export function channelSenders(env: NotifierEnv): ChannelSender[] {
  const channels = configuredChannels(env);
  const senders: ChannelSender[] = [new LogSender()];
  if (channels.has('sms')) {
    senders.push(new SmsSender(env));
  }
  if (channels.has('webhook')) {
    senders.push(new WebhookSender(env));
  }
  return senders;
}

@Module({
  providers: [{ provide: CHANNEL_SENDERS, useFactory: channelSenders, inject: [NotifierEnv] }],
  exports: [CHANNEL_SENDERS],
})
export class ChannelsModule {}
