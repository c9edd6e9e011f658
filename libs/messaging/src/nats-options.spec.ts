import { natsConnectionOptions } from './nats-options';

describe('natsConnectionOptions', () => {
  it('asks for replies on the user’s own inbox, which is all deploy/nats-server.conf lets it read', () => {
    const options = natsConnectionOptions({ url: 'nats://nats:4222', name: 'gateway', user: 'gateway', pass: 'x' });
    expect(options.inboxPrefix).toBe('_INBOX_gateway');
  });

  it('keeps nats.js’s shared inbox on a broker without users', () => {
    expect(natsConnectionOptions({ url: 'nats://127.0.0.1:4222', name: 'roster' }).inboxPrefix).toBeUndefined();
  });

  it('demands TLS for tls:// URLs and leaves nats:// to the server', () => {
    expect(natsConnectionOptions({ url: 'tls://a:4222,tls://b:4222', name: 'roster' }).tls).toEqual({});
    expect(natsConnectionOptions({ url: 'nats://a:4222', name: 'roster' }).tls).toBeUndefined();
  });
});
