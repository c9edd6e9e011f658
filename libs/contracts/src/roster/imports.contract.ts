import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';

export const IMPORT_KINDS = ['personnel', 'assignments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Rows travel in chunks well under NATS's 1 MB default payload limit. */
export const IMPORT_CHUNK_ROWS = 1000;

export class BeginImportRequest {
  @IsIn(IMPORT_KINDS)
  kind: ImportKind;

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  columns: string[];
}

export class BeginImportReply {
  batchId: string;
}

export class ImportRow {
  /** Spreadsheet row number: the header is row 1. */
  @IsInt()
  @Min(2)
  row: number;

  @IsArray()
  @IsString({ each: true })
  cells: string[];
}

export class ImportRowsRequest {
  @IsUUID()
  batchId: string;

  @IsArray()
  @ArrayMaxSize(IMPORT_CHUNK_ROWS)
  @ValidateNested({ each: true })
  @Type(() => ImportRow)
  rows: ImportRow[];
}

export class ImportRowsReply {
  received: number;
  invalid: number;
}

export class ImportBatchRequest {
  @IsUUID()
  batchId: string;
}

export class ImportCommitRequest extends ImportBatchRequest {
  /** Check every row and count what would change, then roll back: nothing is written, no event is sent. */
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

/** The import routes' query. */
export class ImportQuery {
  @ApiPropertyOptional({
    description: 'Validate only: every row error, or the counts it would create, update and leave; nothing is written',
    default: false,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class ImportResultView {
  @ApiPropertyOptional({ description: 'Present on a validate-only run: nothing was written' }) dryRun?: true;
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKind;
  @ApiProperty({ description: 'Data rows read' }) rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
}
