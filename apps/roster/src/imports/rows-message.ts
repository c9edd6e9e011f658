import { IMPORT_CHUNK_ROWS, ImportRowsRequest } from '@rasad/contracts';
import { rasadValidationPipe } from '@rasad/messaging';
import { importAjv } from './row-schemas';

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

/** ImportRowsRequest's rules (with ImportRow's for each row) as a JSON Schema; rows-message.spec.ts holds them equal. */
const validMessage = importAjv.compile({
  type: 'object',
  additionalProperties: false,
  required: ['batchId', 'rows'],
  properties: {
    batchId: { type: 'string', format: 'uuid' },
    rows: {
      type: 'array',
      maxItems: IMPORT_CHUNK_ROWS,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['row', 'cells'],
        properties: {
          row: { type: 'integer', minimum: 2 },
          cells: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
});

/**
 * The message once it passes ImportRowsRequest's rules, checked by the compiled schema. Anything it does not pass
 * goes through the global pipe with the contract's class, which throws the error it always gave (each field named).
 */
export async function checkedRows(message: ImportRowsPayload): Promise<ImportRowsRequest> {
  if (validMessage(message)) {
    return message as ImportRowsRequest;
  }
  return (await rasadValidationPipe().transform(message, {
    type: 'body',
    metatype: ImportRowsRequest,
  })) as ImportRowsRequest;
}
