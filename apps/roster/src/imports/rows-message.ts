import { OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { IMPORT_CHUNK_ROWS, ImportRow, ImportRowsRequest } from '@rasad/contracts';
import { rasadValidationPipe } from '@rasad/messaging';
import { compileValidation } from './compiled-validation';

/**
 * A rows message as it arrives, unchecked. The handler takes this interface rather than ImportRowsRequest so that
 * the global pipe leaves it alone: copying and validating a thousand nested ImportRow instances through
 * class-transformer and class-validator cost the roster about a second per 100,000 rows. checkedRows() applies
 * the contract's rules instead.
 */
export interface ImportRowsPayload {
  batchId: string;
  rows: unknown[];
}

/** ImportRowsRequest without its nested rows: what compileValidation can mirror. */
class ImportRowsEnvelope extends OmitType(ImportRowsRequest, ['rows'] as const) {
  @IsArray()
  @ArrayMaxSize(IMPORT_CHUNK_ROWS)
  rows: unknown[];
}

const validEnvelope = compileValidation(ImportRowsEnvelope);
const validRow = compileValidation(ImportRow);

const plain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The message once it passes ImportRowsRequest's rules, checked by the compiled rules of its envelope and of each
 * row. Anything they do not pass goes through the global pipe with the contract's class, which throws the error it
 * always gave (each field named).
 */
export async function checkedRows(message: ImportRowsPayload): Promise<ImportRowsRequest> {
  const valid =
    validEnvelope !== undefined &&
    validRow !== undefined &&
    plain(message) &&
    validEnvelope(message) &&
    message.rows.every((row) => plain(row) && validRow(row));
  if (valid) {
    return message as ImportRowsRequest;
  }
  return (await rasadValidationPipe().transform(message, {
    type: 'body',
    metatype: ImportRowsRequest,
  })) as ImportRowsRequest;
}
