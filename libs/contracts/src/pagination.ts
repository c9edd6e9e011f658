import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
const LIMIT = { message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` };

/** Keyset pagination: ids are UUID v7, so their order is creation order. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt(LIMIT)
  @Min(1, LIMIT)
  @Max(MAX_PAGE_SIZE, LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'cursor must be the nextCursor of the previous page' })
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Constructor<T> = new (...args: unknown[]) => T;

/** A named OpenAPI schema for a page of T. */
export function PageOf<T>(item: Constructor<T>): Constructor<Page<T>> {
  class PageClass implements Page<T> {
    @ApiProperty({ type: item, isArray: true })
    items: T[];

    @ApiProperty({ type: String, nullable: true, format: 'uuid' })
    nextCursor: string | null;
  }
  Object.defineProperty(PageClass, 'name', { value: `${item.name}Page` });
  return PageClass;
}
