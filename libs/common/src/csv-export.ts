import { stringify } from 'csv-stringify/sync';

/** A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+92…`, `@SUM`, `-1+1`) is kept as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text: string;
  if (Array.isArray(value)) {
    text = value.map((item) => cell(item)).join(';');
  } else if (typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') {
    // An item written for people to read (a readiness gap's missing item) is its words, not its JSON.
    text = (value as { text: string }).text;
  } else if (typeof value === 'object') {
    text = JSON.stringify(value);
  } else {
    text = `${value as string | number | boolean}`;
  }
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function flatten(record: Record<string, unknown>, prefix: string, into: Map<string, unknown>): void {
  for (const [key, value] of Object.entries(record)) {
    const column = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      flatten(value as Record<string, unknown>, column, into);
    } else {
      into.set(column, value);
    }
  }
}

/**
 * The items of a list as CSV for a spreadsheet: one column per field (nested fields as `venue.name`, lists joined
 * with `;` as imports read them, an item with a `text` written as that text), columns in the order they first appear, and every cell that a spreadsheet would
 * evaluate neutralised with a leading apostrophe.
 */
export function listToCsv(items: readonly Record<string, unknown>[]): string {
  const rows = items.map((item) => {
    const flat = new Map<string, unknown>();
    flatten(item, '', flat);
    return flat;
  });
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const column of row.keys()) {
      if (!seen.has(column)) {
        seen.add(column);
        columns.push(column);
      }
    }
  }
  if (columns.length === 0) {
    return '\ufeff';
  }
  return stringify(
    rows.map((row) => columns.map((column) => cell(row.get(column)))),
    { header: true, columns, bom: true },
  );
}
