import { personnelSearch } from './personnel.repository';
import { wholeCnic } from './personnel-search';

describe('personnel search', () => {
  it('reads a whole CNIC with or without dashes, and nothing shorter', () => {
    expect(wholeCnic('13302-1234567-1')).toBe('13302-1234567-1');
    expect(wholeCnic(' 1330212345671 ')).toBe('13302-1234567-1');
    expect(wholeCnic('13302-1234567')).toBeNull();
    expect(wholeCnic('13302')).toBeNull();
    expect(wholeCnic('Muhammad Imran')).toBeNull();
  });

  it('matches CNICs only for callers who see them, and only whole', () => {
    expect(personnelSearch('13302-1234567-1', true)).toEqual({
      sql: '(p.service_number ilike ? or p.name ilike ? or p.cnic = ?)',
      params: ['13302-1234567-1%', '%13302-1234567-1%', '13302-1234567-1'],
    });
    expect(personnelSearch('1330212345671', false).sql).not.toContain('cnic');
    expect(personnelSearch('13302-12', true).sql).not.toContain('cnic');
  });

  it('escapes LIKE wildcards in the term', () => {
    expect(personnelSearch('50%_x', false).params).toEqual(['50\\%\\_x%', '%50\\%\\_x%']);
  });
});
