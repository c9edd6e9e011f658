import type { NatsConnection } from 'nats';

interface Protocol {
  flushPending?: () => void;
}

/**
 * Makes a NATS connection write once per turn of the event loop instead of once per message. nats.js flushes its
 * outbound buffer in a microtask, so under load every request (gateway) or reply (services) was a socket write of
 * its own; each such write to a loopback socket also pays for the receiver's side of TCP, and they were the largest
 * single item in both processes' profiles. setImmediate runs after all I/O callbacks of the current poll, so the
 * messages of every request handled in it leave in one write; order is kept (one FIFO buffer), and the delay is
 * less than one turn of the loop.
 *
 * nats.js has no option for this: it replaces the connection's private flushPending. Should a nats.js upgrade
 * rename it, the connection keeps its own behaviour (checked by coalesced-writes.spec.ts).
 */
export function coalesceWrites<T extends NatsConnection>(connection: T): T {
  const protocol = (connection as unknown as { protocol?: Protocol }).protocol;
  const flushNow = protocol?.flushPending;
  if (!protocol || typeof flushNow !== 'function') {
    return connection;
  }
  let scheduled = false;
  const flushQueued = () => {
    if (scheduled) {
      scheduled = false;
      flushNow.call(protocol);
    }
  };
  protocol.flushPending = () => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(flushQueued);
    }
  };
  // A reply queued in the same turn as a shutdown must still leave before the socket closes.
  for (const method of ['close', 'drain'] as const) {
    const original = connection[method].bind(connection);
    connection[method] = () => {
      flushQueued();
      return original();
    };
  }
  return connection;
}
