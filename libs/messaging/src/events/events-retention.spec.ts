import { inboxRetentionProblem, minimumInboxDays } from './events-retention';

describe('inbox retention', () => {
  it('keeps inbox rows a day longer than the stream keeps events', () => {
    expect(minimumInboxDays()).toBe(91);
    expect(minimumInboxDays(7 * 86_400_000)).toBe(8);
  });

  it('refuses fewer days than that, naming the variable; 0 keeps them for ever', () => {
    expect(inboxRetentionProblem(30)).toMatch(/^RETENTION_INBOX_DAYS must be 0 \(keep for ever\) or at least 91/);
    expect(inboxRetentionProblem(91)).toBeUndefined();
    expect(inboxRetentionProblem(0)).toBeUndefined();
  });
});
