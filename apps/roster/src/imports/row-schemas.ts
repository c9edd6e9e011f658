import Ajv, { SchemaObject, ValidateFunction } from 'ajv';
import { isUUID, length } from 'class-validator';
import { ImportKind, SERVICE_NUMBER_PATTERN, SETTABLE_STATUSES, isIsoWithOffset } from '@rasad/contracts';
import { DUTY_PHASES, DUTY_ROLES } from '@rasad/duty-assignments';
import {
  GENDERS,
  isValidDietaryNeed,
  isValidPakistanMobile,
  LANGUAGES,
  normalizeCnic,
  RANKS,
  TRAVEL_MODES,
} from '@rasad/personnel';

/**
 * The import row classes' rules (import-columns.ts) as JSON Schemas, compiled once by ajv: a hundred thousand rows
 * cost seconds through plainToInstance and validateSync, and nearly all of them are valid. A schema only answers
 * "valid or not"; a row it refuses goes through validateSync for the API's own messages. Where JSON Schema's
 * keyword means something else than class-validator's check, the keyword calls class-validator's public function
 * or the domain's: `uuid` is isUUID (versions 1-8, nil and max, no urn: prefix), `charLength` is Length (a
 * variation selector does not count, maxLength counts it), the formats are @rasad/personnel's. row-schemas.spec.ts
 * holds the schemas to the classes on generated rows. One difference is deliberate: a property the class does not
 * know makes a schema say no (validateSync, whitelisting, would drop it), which only costs that row the slow path;
 * columnErrors refuses such a column before any row arrives.
 */
export const importAjv = new Ajv({ strict: true });
importAjv.addFormat('uuid', { type: 'string', validate: (value) => isUUID(value) });
// The class normalises a CNIC before IsCnic sees it (1330212345671 passes as 13302-1234567-1): so does the format.
importAjv.addFormat('cnic', { type: 'string', validate: (value) => normalizeCnic(value) !== null });
importAjv.addFormat('pakistan-mobile', { type: 'string', validate: isValidPakistanMobile });
importAjv.addFormat('dietary-need', { type: 'string', validate: isValidDietaryNeed });
// IsIsoWithOffset's own check: the pattern, and a day that exists (2027-02-30 is refused).
importAjv.addFormat('iso-with-offset', { type: 'string', validate: isIsoWithOffset });
importAjv.addKeyword({
  keyword: 'charLength',
  type: 'string',
  schemaType: 'array',
  metaSchema: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
  compile:
    ([min, max]: [number, number]) =>
    (value: string) =>
      length(value, min, max),
});

/** IsOptional: null and absent skip every other rule. */
const optional = (schema: SchemaObject): SchemaObject => ({ anyOf: [{ type: 'null' }, schema] });
const oneOf = (values: readonly string[]): SchemaObject => ({ type: 'string', enum: [...values] });
const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const text = (min: number, max: number): SchemaObject => ({ type: 'string', charLength: [min, max] });
const isoWithOffset: SchemaObject = { type: 'string', format: 'iso-with-offset' };

/** PersonnelImportRow: CreatePersonnelRequest with its unit and home district by id or by code. */
const PERSONNEL_ROW: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['serviceNumber', 'name', 'rank', 'cnic', 'phone', 'gender', 'travelMode'],
  properties: {
    serviceNumber: { type: 'string', pattern: SERVICE_NUMBER_PATTERN.source },
    name: text(2, 120),
    rank: oneOf(RANKS),
    unitId: optional(uuid),
    unitCode: optional(text(1, 30)),
    homeDistrictId: optional(uuid),
    homeDistrictCode: optional(text(1, 12)),
    cnic: { type: 'string', format: 'cnic' },
    phone: { type: 'string', format: 'pakistan-mobile' },
    gender: oneOf(GENDERS),
    dietaryNeeds: optional({ type: 'array', maxItems: 10, items: { type: 'string', format: 'dietary-need' } }),
    travelMode: oneOf(TRAVEL_MODES),
    language: optional(oneOf(LANGUAGES)),
  },
};

/** AssignmentImportRow: CreateAssignmentRequest with the person and the post by id or by code. */
const ASSIGNMENT_ROW: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['role', 'startsAt', 'endsAt', 'phase'],
  properties: {
    id: optional(uuid),
    personnelId: optional(uuid),
    serviceNumber: optional(text(1, 30)),
    postId: optional(uuid),
    postCode: optional(text(1, 40)),
    role: oneOf(DUTY_ROLES),
    startsAt: isoWithOffset,
    endsAt: isoWithOffset,
    phase: oneOf(DUTY_PHASES),
    status: optional(oneOf(SETTABLE_STATUSES)),
  },
};

export const ROW_SCHEMAS: Record<ImportKind, SchemaObject> = {
  personnel: PERSONNEL_ROW,
  assignments: ASSIGNMENT_ROW,
};

export const VALID_ROW: Record<ImportKind, ValidateFunction> = {
  personnel: importAjv.compile(PERSONNEL_ROW),
  assignments: importAjv.compile(ASSIGNMENT_ROW),
};
