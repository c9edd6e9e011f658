import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsOptional,
  IsUUID,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { RANKS, Rank } from '@rasad/personnel';

export class IdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class PersonnelIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personnelId: string;
}

/** `{ id, changes }`: the NATS payload of every update, built from the resource's partial body class. */
export function UpdateMessage<T extends object>(changes: new () => T) {
  class UpdateMessageClass {
    @IsUUID()
    id: string;

    @IsDefined()
    @ValidateNested()
    @Type(() => changes)
    changes: T;
  }
  Object.defineProperty(UpdateMessageClass, 'name', { value: `${changes.name}Message` });
  return UpdateMessageClass;
}

export interface UpdateRequest<T> {
  id: string;
  changes: T;
}

export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The pattern alone takes 2027-13-01 or 2027-02-30, which became an Invalid Date and a 500 further on. */
function isRealInstant(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return !Number.isNaN(Date.parse(value)) && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** ISO 8601 with an explicit offset (a time without one is ambiguous across zones), naming a day that exists. */
export function isIsoWithOffset(value: unknown): value is string {
  return typeof value === 'string' && ISO_WITH_OFFSET.test(value) && isRealInstant(value);
}

export function IsIsoWithOffset(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoWithOffset',
      validator: {
        validate: (value) => isIsoWithOffset(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO 8601 date-time with an offset, e.g. 2027-02-08T06:00:00+05:00`,
      },
    },
    options,
  );
}

export class TimestampsView {
  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

/** A person as a list shows them beside a record: what an officer reads off a roll, not an id. */
export class PersonRefView {
  @ApiProperty() name: string;
  @ApiProperty({ enum: RANKS }) rank: Rank;
  @ApiProperty() serviceNumber: string;
}

/** A query flag: `true` or `false` in a query string, a boolean over NATS. Optional, default false. */
export function QueryFlag(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, default: false }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(),
  );
}

export class ErrorView {
  @ApiProperty({ example: 'ASSIGNMENT.OVERLAP' })
  code: string;

  @ApiProperty()
  message: string;

  @ApiProperty({ required: false, description: '{row?, field, message} for each problem' })
  errors?: { field: string; message: string; row?: number }[];

  @ApiProperty({ required: false })
  details?: Record<string, unknown>;

  @ApiProperty()
  requestId: string;
}

/**
 * A field a change may leave out but not set to null: IsOptional passes null too, and null for a value the record
 * cannot be without reached the database as a 500.
 */
export function MayBeOmitted(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/** PartialType's options for a PATCH body: its fields may be left out, but a required field may not be nulled. */
export const NOT_NULL = { skipNullProperties: false } as const;
