import { overlapField } from './overlap-field';

const at = (hour: number) => new Date(Date.UTC(2027, 1, 8, hour));
const window = (from: number, to: number) => ({ startsAt: at(from), endsAt: at(to) });

describe('overlapField', () => {
  const other = window(10, 15);

  it('blames the end when it runs into the other duty', () => {
    expect(overlapField(window(6, 11), other)).toBe('endsAt');
    expect(overlapField(window(6, 20), other)).toBe('endsAt');
  });

  it('blames the start when it falls inside the other duty', () => {
    expect(overlapField(window(14, 20), other)).toBe('startsAt');
    expect(overlapField(window(10, 12), other)).toBe('startsAt');
  });
});
