import type { QueryBuilder } from '@mikro-orm/postgresql';
import { restrict } from './scope';

/** Records what restrict() adds, as the query builder would receive it. */
function recorder() {
  const calls: [string, unknown[] | undefined][] = [];
  const qb = { andWhere: (sql: string, params?: unknown[]) => calls.push([sql, params]) };
  return { qb: qb as unknown as QueryBuilder<object>, calls };
}

describe('restrict', () => {
  it('binds the caller’s districts as one uuid[] parameter per placeholder', () => {
    const { qb, calls } = recorder();
    restrict(qb, { districtIds: ['a', 'b'] }, 'p.district_id = any({districts}) or q.district_id = any({districts})');
    expect(calls).toEqual([['p.district_id = any(?::uuid[]) or q.district_id = any(?::uuid[])', ['{a,b}', '{a,b}']]]);
  });

  it('lists nothing for a caller without districts, and everything for an admin', () => {
    const none = recorder();
    restrict(none.qb, { districtIds: [] }, 'p.district_id = any({districts})');
    expect(none.calls).toEqual([['1 = 0', undefined]]);
    const admin = recorder();
    restrict(admin.qb, { districtIds: null }, 'p.district_id = any({districts})');
    expect(admin.calls).toEqual([]);
  });

  it('refuses `in {districts}`, for an admin too, so the mistake fails in every test that lists', () => {
    const { qb } = recorder();
    expect(() => restrict(qb, { districtIds: null }, 'p.district_id in {districts}')).toThrow(/= any\(\{districts\}\)/);
    expect(() => restrict(qb, { districtIds: ['a'] }, 'a = any({districts}) or b in ({districts})')).toThrow();
  });
});
