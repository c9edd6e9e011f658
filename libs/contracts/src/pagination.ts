import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidationArguments,
} from 'class-validator';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
const LIMIT = { message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` };
const CURSOR = { message: 'cursor must be the nextCursor of the previous page' };

/**
 * Keyset pagination in a list's order (`sort`, else its natural order), the record id breaking ties. The cursor is
 * opaque (base64url); which sort keys a list takes is its own whitelist, checked where the list is read.
 */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt(LIMIT)
  @Min(1, LIMIT)
  @Max(MAX_PAGE_SIZE, LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same sort and filters' })
  @IsOptional()
  @IsString(CURSOR)
  @Matches(/^[A-Za-z0-9_-]{16,2000}$/, CURSOR)
  cursor?: string;

  @ApiPropertyOptional({
    description:
      'A sort key of this list, `-` before it for descending (`name`, `-startsAt`); default its natural order',
    example: 'name',
  })
  @IsOptional()
  @IsString({ message: 'sort must be a sort key of this list, `-` before it for descending' })
  @Matches(/^-?[A-Za-z][A-Za-z0-9]{0,39}$/, {
    message: 'sort must be a sort key of this list, `-` before it for descending',
  })
  sort?: string;
}

/**
 * A filter that takes several values: `status=planned,confirmed` or `status=planned&status=confirmed` becomes
 * `['planned', 'confirmed']`, each one of `allowed`. Optional; an array sent over NATS passes through as it is.
 */
export function AnyOf(allowed: readonly string[]): PropertyDecorator {
  const message = ({ property }: ValidationArguments) =>
    `${property} must be one or more of: ${allowed.join(', ')} (separated by commas)`;
  return applyDecorators(
    ApiPropertyOptional({
      enum: allowed,
      isArray: true,
      description: 'One or more, separated by commas (or the parameter repeated)',
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => valuesOf(value)),
    IsArray({ message }),
    ArrayMinSize(1, { message }),
    ArrayMaxSize(allowed.length, { message }),
    IsIn(allowed, { each: true, message }),
  );
}

/**
 * A filter by record ids: `ids=a,b` or `ids=a&ids=b` becomes `['a', 'b']`, at most a page of them, each a UUID.
 * Optional; an array sent over NATS passes through as it is.
 */
export function AnyOfIds(what: string): PropertyDecorator {
  const message = ({ property }: ValidationArguments) =>
    `${property} must be up to ${MAX_PAGE_SIZE} ${what} ids (UUIDs), separated by commas`;
  return applyDecorators(
    ApiPropertyOptional({
      format: 'uuid',
      isArray: true,
      description: `Only these ${what}s: up to ${MAX_PAGE_SIZE} ids, separated by commas (or the parameter repeated)`,
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => valuesOf(value)),
    IsArray({ message }),
    ArrayMinSize(1, { message }),
    ArrayMaxSize(MAX_PAGE_SIZE, { message }),
    IsUUID('all', { each: true, message }),
  );
}

function valuesOf(value: unknown): unknown {
  if (value === undefined || value === null) {
    return value;
  }
  const parts = (Array.isArray(value) ? value : [value]).flatMap((part: unknown) =>
    typeof part === 'string' ? part.split(',').map((s) => s.trim()) : [part],
  );
  return [...new Set(parts.filter((part) => part !== ''))];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** How many records the filters select, over all pages. */
  total: number;
}

type Constructor<T> = new (...args: unknown[]) => T;

/** A named OpenAPI schema for a page of T. */
export function PageOf<T>(item: Constructor<T>): Constructor<Page<T>> {
  class PageClass implements Page<T> {
    @ApiProperty({ type: item, isArray: true })
    items: T[];

    @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
    nextCursor: string | null;

    @ApiProperty({ description: 'How many records the filters select, over all pages' })
    total: number;
  }
  Object.defineProperty(PageClass, 'name', { value: `${item.name}Page` });
  return PageClass;
}
