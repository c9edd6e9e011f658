import {
  dietaryTally,
  isValidDietaryNeed,
  KNOWN_DIETARY_NEEDS,
  normalizeDietaryNeed,
  parseDietaryNeeds,
} from './dietary';

describe('dietary', () => {
  describe('isValidDietaryNeed', () => {
    it.each([...KNOWN_DIETARY_NEEDS])('accepts %s', (need) => {
      expect(isValidDietaryNeed(need)).toBe(true);
    });

    it('accepts other: with 1 to 100 characters of text', () => {
      expect(isValidDietaryNeed('other:halal only')).toBe(true);
      expect(isValidDietaryNeed('other:x')).toBe(true);
      expect(isValidDietaryNeed(`other:${'a'.repeat(100)}`)).toBe(true);
      expect(isValidDietaryNeed('other:نمک کم')).toBe(true);
    });

    it('rejects other: with empty, blank or over-long text', () => {
      expect(isValidDietaryNeed('other:')).toBe(false);
      expect(isValidDietaryNeed('other:   ')).toBe(false);
      expect(isValidDietaryNeed(`other:${'a'.repeat(101)}`)).toBe(false);
    });

    it('accepts only the stored spelling', () => {
      expect(isValidDietaryNeed('Vegetarian')).toBe(false);
      expect(isValidDietaryNeed(' diabetic')).toBe(false);
      expect(isValidDietaryNeed('other: halal')).toBe(false);
      expect(isValidDietaryNeed('Other:halal')).toBe(false);
    });

    it('rejects unknown needs and non-strings', () => {
      expect(isValidDietaryNeed('vegan')).toBe(false);
      expect(isValidDietaryNeed('gluten_free')).toBe(false);
      expect(isValidDietaryNeed('halal')).toBe(false);
      expect(isValidDietaryNeed('')).toBe(false);
      expect(isValidDietaryNeed(undefined)).toBe(false);
      expect(isValidDietaryNeed(['vegetarian'])).toBe(false);
    });
  });

  describe('normalizeDietaryNeed', () => {
    it('trims and lower-cases known needs', () => {
      expect(normalizeDietaryNeed('  Vegetarian ')).toBe('vegetarian');
      expect(normalizeDietaryNeed('NO_GLUTEN')).toBe('no_gluten');
    });

    it('trims the free text of other needs and keeps its case', () => {
      expect(normalizeDietaryNeed('Other :  Low Salt  ')).toBe('other:Low Salt');
    });

    it('returns null for anything else', () => {
      expect(normalizeDietaryNeed('vegan')).toBeNull();
      expect(normalizeDietaryNeed('other: ')).toBeNull();
      expect(normalizeDietaryNeed(`other:${'a'.repeat(101)}`)).toBeNull();
    });
  });

  describe('parseDietaryNeeds', () => {
    it('splits a semicolon-separated cell', () => {
      expect(parseDietaryNeeds('vegetarian;diabetic')).toEqual(['vegetarian', 'diabetic']);
    });

    it('trims, drops empties, dedupes and keeps first-seen order', () => {
      expect(parseDietaryNeeds(' diabetic ; ;vegetarian;;diabetic; ')).toEqual(['diabetic', 'vegetarian']);
    });

    it('normalizes spellings before deduping', () => {
      expect(parseDietaryNeeds('Vegetarian; vegetarian; other: halal ;other:halal')).toEqual([
        'vegetarian',
        'other:halal',
      ]);
    });

    it('keeps unrecognised entries so the importer can report them', () => {
      expect(parseDietaryNeeds('vegan; diabetic')).toEqual(['vegan', 'diabetic']);
    });

    it('returns an empty list for an empty or blank cell', () => {
      expect(parseDietaryNeeds('')).toEqual([]);
      expect(parseDietaryNeeds(' ; ')).toEqual([]);
    });
  });

  describe('dietaryTally', () => {
    it('counts each need and folds every other: into other', () => {
      expect(
        dietaryTally([
          ['vegetarian'],
          ['diabetic', 'other:low salt'],
          ['other:halal'],
          [],
          ['vegetarian', 'no_gluten'],
        ]),
      ).toEqual({ vegetarian: 2, diabetic: 1, no_gluten: 1, other: 2 });
    });

    it('counts a person once per need', () => {
      expect(dietaryTally([['other:halal', 'other:no nuts', 'diabetic', 'diabetic']])).toEqual({
        vegetarian: 0,
        diabetic: 1,
        no_gluten: 0,
        other: 1,
      });
    });

    it('ignores entries that are not dietary needs', () => {
      expect(dietaryTally([['vegan', 'other:']])).toEqual({
        vegetarian: 0,
        diabetic: 0,
        no_gluten: 0,
        other: 0,
      });
    });

    it('returns zeros for nobody', () => {
      expect(dietaryTally([])).toEqual({
        vegetarian: 0,
        diabetic: 0,
        no_gluten: 0,
        other: 0,
      });
    });
  });
});
