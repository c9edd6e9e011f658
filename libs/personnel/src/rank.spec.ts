import { compareRanks, isRank, isSenior, RANK_LABELS, rankOrder, RANKS } from './rank';

describe('rank', () => {
  it('lists police ranks from junior to senior', () => {
    const police = RANKS.filter((r) =>
      ['constable', 'head_constable', 'asi', 'si', 'inspector', 'dsp', 'sp'].includes(r),
    );
    expect(police).toEqual(['constable', 'head_constable', 'asi', 'si', 'inspector', 'dsp', 'sp']);
  });

  it('keeps RANKS sorted by seniority', () => {
    const orders = RANKS.map(rankOrder);
    expect([...orders].sort((a, b) => a - b)).toEqual(orders);
  });

  it.each([
    ['fc_sepoy', 'constable'],
    ['elite_constable', 'constable'],
    ['fc_lance_naik', 'head_constable'],
    ['fc_naik', 'head_constable'],
    ['fc_havildar', 'asi'],
    ['fc_naib_subedar', 'si'],
    ['fc_subedar', 'inspector'],
  ] as const)('puts %s on the same level as %s', (other, police) => {
    expect(rankOrder(other)).toBe(rankOrder(police));
    expect(compareRanks(other, police)).toBe(0);
    expect(isSenior(other, police)).toBe(false);
    expect(isSenior(police, other)).toBe(false);
  });

  it('ranks a volunteer below every uniformed rank', () => {
    for (const rank of RANKS.filter((r) => r !== 'volunteer')) {
      expect(compareRanks('volunteer', rank)).toBeLessThan(0);
    }
  });

  it('compares negative when the first rank is junior', () => {
    expect(compareRanks('constable', 'sp')).toBeLessThan(0);
    expect(compareRanks('sp', 'constable')).toBeGreaterThan(0);
    expect(compareRanks('asi', 'asi')).toBe(0);
  });

  it('sorts a mixed list by seniority', () => {
    const sorted = (['sp', 'fc_havildar', 'constable', 'dsp', 'si'] as const).slice().sort(compareRanks);
    expect(sorted).toEqual(['constable', 'fc_havildar', 'si', 'dsp', 'sp']);
  });

  it('says a rank is senior only when strictly higher', () => {
    expect(isSenior('inspector', 'si')).toBe(true);
    expect(isSenior('si', 'inspector')).toBe(false);
    expect(isSenior('si', 'si')).toBe(false);
    expect(isSenior('fc_subedar', 'asi')).toBe(true);
  });

  it('recognises rank strings only', () => {
    expect(isRank('asi')).toBe(true);
    expect(isRank('fc_naib_subedar')).toBe(true);
    expect(isRank('ASI')).toBe(false);
    expect(isRank('general')).toBe(false);
    expect(isRank('')).toBe(false);
    expect(isRank(undefined)).toBe(false);
    expect(isRank(3)).toBe(false);
    expect(isRank('toString')).toBe(false);
  });

  it('has a label for every rank', () => {
    expect(Object.keys(RANK_LABELS).sort()).toEqual([...RANKS].sort());
    expect(RANK_LABELS.asi).toBe('ASI');
    expect(RANK_LABELS.head_constable).toBe('Head Constable');
    expect(RANK_LABELS.fc_naib_subedar).toBe('FC Naib Subedar');
  });
});
