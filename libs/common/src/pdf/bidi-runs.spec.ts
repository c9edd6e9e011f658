import { visualRuns } from './bidi-runs';

describe('visualRuns', () => {
  it('keeps a Latin line as one left-to-right run', () => {
    expect(visualRuns('HRP-001 Polling station 12')).toEqual([{ text: 'HRP-001 Polling station 12', rtl: false }]);
  });

  it('draws an Urdu name with figures after it to the left of the name', () => {
    const runs = visualRuns('گورنمنٹ اسکول 12');
    expect(runs.map((run) => run.text.trim())).toEqual(['12', 'گورنمنٹ اسکول']);
    expect(runs[runs.length - 1].rtl).toBe(true);
  });

  it('puts an Urdu name after a Latin code, left to right', () => {
    const runs = visualRuns('HRP-001 گورنمنٹ اسکول');
    expect(runs[0]).toEqual({ text: 'HRP-001 ', rtl: false });
    expect(runs[1]).toEqual({ text: 'گورنمنٹ اسکول', rtl: true });
  });
});
