export const KNOWN_DIETARY_NEEDS = ['vegetarian', 'diabetic', 'no_gluten'] as const;
export type KnownDietaryNeed = (typeof KNOWN_DIETARY_NEEDS)[number];

export const OTHER_DIETARY_PREFIX = 'other:';
export const OTHER_DIETARY_MAX_LENGTH = 100;

const OTHER_NEED = /^other\s*:(.*)$/is;

function isKnownNeed(value: string): value is KnownDietaryNeed {
  return (KNOWN_DIETARY_NEEDS as readonly string[]).includes(value);
}

// Spreadsheet cells arrive as " Vegetarian" or "Other: halal"; this gives the one stored spelling, or null.
export function normalizeDietaryNeed(value: string): string | null {
  const trimmed = value.trim();
  const lower = trimmed.toLowerCase();
  if (isKnownNeed(lower)) {
    return lower;
  }
  const other = OTHER_NEED.exec(trimmed);
  if (!other) {
    return null;
  }
  const text = other[1].trim();
  return text.length >= 1 && text.length <= OTHER_DIETARY_MAX_LENGTH ? `${OTHER_DIETARY_PREFIX}${text}` : null;
}

export function isValidDietaryNeed(value: unknown): boolean {
  return typeof value === 'string' && normalizeDietaryNeed(value) === value;
}

// Unrecognised entries are kept (trimmed) so an importer can report them rather than lose them silently.
export function parseDietaryNeeds(list: string): string[] {
  const needs = list
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => normalizeDietaryNeed(entry) ?? entry);
  return [...new Set(needs)];
}

// Counts people, not entries: someone listing two "other:" needs still takes one special meal.
export function dietaryTally(lists: string[][]): Record<string, number> {
  const tally: Record<string, number> = {
    vegetarian: 0,
    diabetic: 0,
    no_gluten: 0,
    other: 0,
  };
  for (const list of lists) {
    const kinds = new Set<string>();
    for (const entry of list) {
      const need = normalizeDietaryNeed(entry);
      if (need) {
        kinds.add(need.startsWith(OTHER_DIETARY_PREFIX) ? 'other' : need);
      }
    }
    for (const kind of kinds) {
      tally[kind] += 1;
    }
  }
  return tally;
}
