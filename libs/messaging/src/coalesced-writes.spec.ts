import { ProtocolHandler } from 'nats/lib/nats-base-client/protocol';
import type { NatsConnection } from 'nats';
import { coalesceWrites } from './coalesced-writes';

describe('coalesceWrites', () => {
  it('finds what it replaces: nats.js still flushes its outbound buffer through ProtocolHandler.flushPending', () => {
    expect(typeof (ProtocolHandler.prototype as unknown as { flushPending?: unknown }).flushPending).toBe('function');
  });

  it('flushes once per turn of the event loop, however many messages asked for it', async () => {
    let flushes = 0;
    const protocol = { flushPending: () => flushes++ };
    coalesceWrites({
      protocol,
      close: () => Promise.resolve(),
      drain: () => Promise.resolve(),
    } as unknown as NatsConnection);
    protocol.flushPending();
    protocol.flushPending();
    await Promise.resolve();
    expect(flushes).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(flushes).toBe(1);
    protocol.flushPending();
    await new Promise((resolve) => setImmediate(resolve));
    expect(flushes).toBe(2);
  });

  it('flushes what is queued before the connection closes or drains', async () => {
    const calls: string[] = [];
    const protocol = { flushPending: () => calls.push('flush') };
    const connection = coalesceWrites({
      protocol,
      close: () => Promise.resolve(void calls.push('close')),
      drain: () => Promise.resolve(void calls.push('drain')),
    } as unknown as NatsConnection);
    protocol.flushPending();
    await connection.close();
    expect(calls).toEqual(['flush', 'close']);
    await connection.drain();
    expect(calls).toEqual(['flush', 'close', 'drain']);
  });

  it('leaves a connection without that method as it is', () => {
    const connection = { protocol: {} } as unknown as NatsConnection;
    expect(coalesceWrites(connection)).toBe(connection);
    expect((connection as unknown as { protocol: object }).protocol).toEqual({});
  });
});
