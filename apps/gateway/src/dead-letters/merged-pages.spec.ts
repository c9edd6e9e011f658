import { DomainError } from '@rasad/contracts';
import { mergePages, readPositions, writePositions } from './merged-pages';

const page = (service: string, items: number[]) => ({ service, items, nextCursor: null, total: items.length });
const descending = (x: number, y: number) => x > y;

describe('mergePages', () => {
  it('takes the first items of several lists in the list order, saying how many of each it took', () => {
    const { items, taken } = mergePages([page('briefings', [9, 5, 1]), page('notifier', [8, 7, 2])], 4, descending);
    expect(items).toEqual([9, 8, 7, 5]);
    expect([...taken]).toEqual([
      ['briefings', 2],
      ['notifier', 2],
    ]);
  });

  it('keeps each list in its own order, so what it takes of a list is a prefix of its page', () => {
    // Equal under the comparison: the list's own order stands.
    const { items } = mergePages([page('a', [3, 3, 3]), page('b', [3])], 3, () => false);
    expect(items).toEqual([3, 3, 3]);
    expect(mergePages([page('a', [3, 3, 3]), page('b', [3])], 4, () => false).taken.get('a')).toBe(3);
  });

  it('stops when every list is taken', () => {
    expect(mergePages([page('a', [2]), page('b', [])], 10, descending).items).toEqual([2]);
  });
});

describe('merged cursors', () => {
  it('reads back the positions it wrote', () => {
    const positions = { briefings: 'eyJzIjoiLWZhaWxlZEF0In0', notifier: null };
    expect(readPositions(writePositions(positions), ['briefings', 'notifier'])).toEqual(positions);
  });

  it('refuses a cursor it did not write, or one naming a service it does not ask, naming the field', () => {
    const refused = (cursor: string) => {
      try {
        readPositions(cursor, ['briefings', 'notifier']);
      } catch (error) {
        return (error as DomainError).errors?.[0]?.field;
      }
      return 'accepted';
    };
    expect(refused('not-base64-json')).toBe('cursor');
    expect(refused(writePositions({ roster: null }))).toBe('cursor');
    expect(refused(Buffer.from('[1,2]').toString('base64url'))).toBe('cursor');
    expect(refused(Buffer.from('{"briefings":3}').toString('base64url'))).toBe('cursor');
  });
});
