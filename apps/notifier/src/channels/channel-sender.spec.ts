import { PermanentDeliveryError, expectAccepted, redactNumbers } from './channel-sender';

describe('expectAccepted', () => {
  it('accepts any 2xx', async () => {
    await expect(expectAccepted(new Response('queued', { status: 202 }), 'the SMS gateway')).resolves.toBeUndefined();
  });

  it('retries 5xx, 408 and 429, and gives up at once on other refusals', async () => {
    for (const status of [500, 503, 408, 429]) {
      const failure = expectAccepted(new Response('busy', { status }), 'the webhook');
      await expect(failure).rejects.toThrow(`the webhook answered HTTP ${status}: busy`);
      await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
    }
    await expect(expectAccepted(new Response('bad body', { status: 400 }), 'the webhook')).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
  });

  it('keeps phone numbers and CNICs the far end echoes out of the error', async () => {
    const failure = expectAccepted(
      new Response('{"error":"invalid destination +923001234567 for 13302-1234567-1"}', { status: 400 }),
      'the SMS gateway',
    );
    await expect(failure).rejects.toThrow(
      'the SMS gateway answered HTTP 400: {"error":"invalid destination [number] for [number]"}',
    );
    expect(redactNumbers('retry after 30 s, code 4001')).toBe('retry after 30 s, code 4001');
    expect(redactNumbers('0300 1234567')).toBe('[number]');
  });
});
