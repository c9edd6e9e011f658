import { loadEnv } from '@rasad/common';
import { BriefingsEnv } from '../briefings.env';
import { parseReminderOffsets } from './reminder-offsets';

describe('reminder offsets', () => {
  it('defaults to 24 hours and 2 hours before the session', () => {
    const env = loadEnv(BriefingsEnv, {});
    expect(parseReminderOffsets(env.REMINDER_OFFSETS)).toEqual([86_400, 7_200]);
    expect(env.REMINDER_POLL_MS).toBe(1000);
  });

  it('reads seconds, largest first, once each', () => {
    expect(parseReminderOffsets('2, 4,2')).toEqual([4, 2]);
    expect(parseReminderOffsets('3600')).toEqual([3600]);
  });

  it.each(['', '0', '-5', '1.5', '2h', '86400,,7200'])('refuses REMINDER_OFFSETS=%j, naming it', (value) => {
    expect(() => loadEnv(BriefingsEnv, { REMINDER_OFFSETS: value || ' ' })).toThrow(/REMINDER_OFFSETS/);
    expect(() => parseReminderOffsets(value)).toThrow(/REMINDER_OFFSETS/);
  });

  it('refuses a poll interval that is not a sensible number of milliseconds', () => {
    expect(() => loadEnv(BriefingsEnv, { REMINDER_POLL_MS: '0' })).toThrow(/REMINDER_POLL_MS/);
    expect(() => loadEnv(BriefingsEnv, { REMINDER_POLL_MS: 'soon' })).toThrow(/REMINDER_POLL_MS/);
  });
});
