import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CreateAssignmentRequest, CreatePersonnelRequest, FieldError, ImportKind } from '@rasad/contracts';

/** A reference may be given by id or by code; exactly one of each pair is required. */
export const REFERENCE_PAIRS: Record<ImportKind, [string, string][]> = {
  personnel: [
    ['unitId', 'unitCode'],
    ['homeDistrictId', 'homeDistrictCode'],
  ],
  assignments: [
    ['personnelId', 'serviceNumber'],
    ['postId', 'postCode'],
  ],
};

const REQUIRED: Record<ImportKind, string[]> = {
  personnel: ['serviceNumber', 'name', 'rank', 'cnic', 'phone', 'gender', 'travelMode'],
  assignments: ['role', 'startsAt', 'endsAt', 'phase'],
};

const OPTIONAL: Record<ImportKind, string[]> = {
  personnel: ['dietaryNeeds', 'language'],
  assignments: ['status', 'id'],
};

/** Columns separated by `;` inside a cell. */
export const LIST_COLUMNS = new Set(['dietaryNeeds']);

export function columnErrors(kind: ImportKind, columns: string[]): FieldError[] {
  const known = new Set([...REQUIRED[kind], ...OPTIONAL[kind], ...REFERENCE_PAIRS[kind].flat()]);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (!known.has(column)) {
      errors.push({ row: 1, field: column, message: `unknown column "${column}"; expected: ${[...known].join(', ')}` });
    } else if (seen.has(column)) {
      errors.push({ row: 1, field: column, message: `column "${column}" appears twice` });
    }
    seen.add(column);
  }
  for (const column of REQUIRED[kind]) {
    if (!seen.has(column)) {
      errors.push({ row: 1, field: column, message: `missing column "${column}"` });
    }
  }
  for (const [byId, byCode] of REFERENCE_PAIRS[kind]) {
    if (!seen.has(byId) && !seen.has(byCode)) {
      errors.push({ row: 1, field: byId, message: `missing column "${byId}" (or "${byCode}")` });
    }
  }
  return errors;
}

export class PersonnelImportRow extends OmitType(CreatePersonnelRequest, ['unitId', 'homeDistrictId'] as const) {
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 30) unitCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() homeDistrictId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 12) homeDistrictCode?: string;
}

export class AssignmentImportRow extends OmitType(CreateAssignmentRequest, ['personnelId', 'postId'] as const) {
  @ApiPropertyOptional() @IsOptional() @IsUUID() personnelId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 30) serviceNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() postId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) postCode?: string;
  @ApiPropertyOptional({ description: 'The duty this row updates' }) @IsOptional() @IsUUID() id?: string;
}
