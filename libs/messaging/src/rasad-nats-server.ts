import { NatsOptions, ServerNats } from '@nestjs/microservices';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { NatsSettings, natsServerOptions } from './nats-options';

/**
 * Nest's NATS server without one cost per message: a plain subject is not first tried as JSON (JSON.parse threw,
 * building a stack, on every message: 2% of the roster's CPU under load).
 */
export class RasadNatsServer extends ServerNats {
  override getRouteFromPattern(pattern: string): string {
    return pattern.startsWith('{') ? super.getRouteFromPattern(pattern) : this.normalizePattern(pattern);
  }
}

/** natsServerOptions as a custom strategy running RasadNatsServer; same connection options, same queue group. */
export function natsServerStrategy(settings: NatsSettings, queue: string): MicroserviceOptions {
  const { options } = natsServerOptions(settings, queue) as Required<Pick<NatsOptions, 'options'>>;
  return { strategy: new RasadNatsServer(options) };
}
