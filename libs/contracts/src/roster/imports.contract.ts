import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Min, ValidateNested } from 'class-validator';

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

export class ImportResultView {
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKind;
  @ApiProperty({ description: 'Data rows read' }) rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
}
