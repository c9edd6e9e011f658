import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldError, ISO_WITH_OFFSET, ImportKind, ImportRow } from '@rasad/contracts';
import { DEFAULT_TIME_ZONE, parseLocalDateTime, windowError } from '@rasad/duty-assignments';
import { normalizeCnic, normalizePakistanMobile, parseDietaryNeeds } from '@rasad/personnel';
import { fieldErrors } from '@rasad/messaging';
import { AssignmentImportRow, LIST_COLUMNS, PersonnelImportRow, REFERENCE_PAIRS } from './import-columns';
import { VALID_ROW } from './row-schemas';

const ROW_CLASSES: Record<ImportKind, new () => object> = {
  personnel: PersonnelImportRow,
  assignments: AssignmentImportRow,
};

/**
 * A spreadsheet saved in a legacy encoding reaches us with each letter it could not encode (all of an Urdu name)
 * as `?`, or as U+FFFD where a decoder met bytes that are not UTF-8. No name has either.
 */
const GARBLED = /[?\uFFFD]/;
const GARBLED_NAME = 'name looks garbled: save the spreadsheet as CSV UTF-8';

/** Times a spreadsheet writes without an offset (`2027-02-07 18:00`, `07/02/2027 18:00`) are the deployment's. */
const TIME_COLUMNS = new Set(['startsAt', 'endsAt']);

function timeCell(cell: string, timeZone: string): string {
  if (ISO_WITH_OFFSET.test(cell)) {
    return cell;
  }
  // What is not a local date-time either is left for validation to name.
  return parseLocalDateTime(cell, timeZone)?.toISOString() ?? cell;
}

export type RowOutcome = { row: number; data: Record<string, unknown> } | { row: number; errors: FieldError[] };

/** Turns one CSV row into a normalised record, or the list of what is wrong with it. */
export function validateRow(
  kind: ImportKind,
  columns: string[],
  { row, cells }: ImportRow,
  timeZone: string = DEFAULT_TIME_ZONE,
): RowOutcome {
  if (cells.length !== columns.length) {
    return {
      row,
      errors: [{ row, field: '(row)', message: `row has ${cells.length} cells but the header has ${columns.length}` }],
    };
  }
  const raw: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const cell = cells[i].trim();
    if (LIST_COLUMNS.has(column)) {
      raw[column] = parseDietaryNeeds(cell);
    } else if (cell !== '' && TIME_COLUMNS.has(column)) {
      raw[column] = timeCell(cell, timeZone);
    } else if (cell !== '') {
      raw[column] = cell;
    }
  });
  // A valid row (nearly all of them) never goes through class-transformer and validateSync.
  const errors = VALID_ROW[kind](raw) ? [] : classErrors(kind, raw, row);
  if (kind === 'personnel' && typeof raw.name === 'string' && GARBLED.test(raw.name)) {
    if (!errors.some((e) => e.field === 'name')) {
      errors.push({ row, field: 'name', message: GARBLED_NAME });
    }
  }
  for (const [byId, byCode] of REFERENCE_PAIRS[kind]) {
    if (raw[byId] === undefined && raw[byCode] === undefined) {
      errors.push({ row, field: byId, message: `${byId} (or ${byCode}) is required` });
    }
  }
  if (kind === 'assignments' && errors.length === 0) {
    const problem = windowError({ startsAt: new Date(raw.startsAt as string), endsAt: new Date(raw.endsAt as string) });
    if (problem) {
      errors.push({ row, field: problem.startsWith('startsAt') ? 'startsAt' : 'endsAt', message: problem });
    }
  }
  if (errors.length > 0) {
    return { row, errors };
  }
  if (kind === 'personnel') {
    raw.phone = normalizePakistanMobile(raw.phone as string);
    raw.cnic = normalizeCnic(raw.cnic as string);
  } else {
    raw.startsAt = new Date(raw.startsAt as string).toISOString();
    raw.endsAt = new Date(raw.endsAt as string).toISOString();
  }
  return { row, data: raw };
}

/** What is wrong with a row, in class-validator's words: the same messages as the API gives. */
function classErrors(kind: ImportKind, raw: Record<string, unknown>, row: number): FieldError[] {
  const instance = plainToInstance(ROW_CLASSES[kind], raw);
  return fieldErrors(validateSync(instance, { whitelist: true, forbidUnknownValues: true })).map((e) => ({
    ...e,
    row,
  }));
}
