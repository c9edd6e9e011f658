import { EventEmitter } from 'node:events';
import type { FastifyReply } from 'fastify';
import { GatewayEnv } from '../gateway.env';
import { ReadinessFeed } from './readiness-feed.service';
import { ReadinessStreams } from './readiness-streams.service';

/** A reply whose connection can close at any moment, as a browser's does. */
function fakeReply() {
  const raw = Object.assign(new EventEmitter(), { write: jest.fn(), writeHead: jest.fn(), end: jest.fn() });
  const reply = { raw, hijack: jest.fn(), getHeaders: () => ({}) } as unknown as FastifyReply;
  return { raw, reply };
}

describe('readiness event streams', () => {
  const env = { JWT_TTL_SECONDS: 900 } as GatewayEnv;

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets go of a stream whose client left while it subscribed: no heartbeat, no subscription', async () => {
    const { raw, reply } = fakeReply();
    const stop = jest.fn();
    // The page closed while the feed was subscribing: the connection's close came before the subscription.
    const feed = {
      listen: () => {
        raw.emit('close');
        return Promise.resolve(stop);
      },
    } as unknown as ReadinessFeed;

    await new ReadinessStreams(feed, env).stream('district', reply);

    expect(stop).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
    expect(raw.writeHead).not.toHaveBeenCalled();
  });

  it('sends the ready event and heartbeats, and lets go when the client closes', async () => {
    const { raw, reply } = fakeReply();
    const stop = jest.fn();
    const feed = { listen: () => Promise.resolve(stop) } as unknown as ReadinessFeed;

    await new ReadinessStreams(feed, env).stream('district', reply);
    expect(raw.write).toHaveBeenCalledWith(expect.stringContaining('event: ready'));
    jest.advanceTimersByTime(15_000);
    expect(raw.write).toHaveBeenLastCalledWith(': heartbeat\n\n');

    raw.emit('close');
    expect(stop).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });
});
