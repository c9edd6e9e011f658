import { DomainError, ImportRowsRequest } from '@rasad/contracts';
import { rasadValidationPipe } from '@rasad/messaging';
import { checkedRows, ImportRowsPayload } from './rows-message';

const batchId = '0190f6a4-8c1e-7b3a-9d2e-4f5a6b7c8d9e';

async function pipeError(message: object): Promise<unknown> {
  return rasadValidationPipe()
    .transform(message, { type: 'body', metatype: ImportRowsRequest })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
}

describe('checkedRows', () => {
  it('passes valid rows through as they came', async () => {
    const rows = [
      { row: 2, cells: ['a', 'b'] },
      { row: 3, cells: [] },
    ];
    const message = { batchId, rows };
    await expect(checkedRows(message)).resolves.toBe(message);
  });

  it.each([
    ['a header row number', { row: 1, cells: ['a'] }],
    ['a number among the cells', { row: 2, cells: ['a', 3] }],
    ['a field the contract does not have', { row: 2, cells: ['a'], extra: true }],
    ['no cells', { row: 2 }],
    ['a row that is not an object', 'row'],
    ['a null row', null],
  ])('refuses %s with the error the pipe gives for ImportRowsRequest', async (_case, bad) => {
    const message = { batchId, rows: [{ row: 2, cells: ['ok'] }, bad] };
    const expected = await pipeError(message);
    expect(expected).toBeInstanceOf(DomainError);
    await expect(checkedRows(message as ImportRowsPayload)).rejects.toEqual(expected);
  });

  it.each([
    ['a batch id that is not a UUID', { batchId: 'batch-1', rows: [] }],
    ['rows that are not a list', { batchId, rows: 'rows' }],
    [
      'more rows than a chunk holds',
      { batchId, rows: Array.from({ length: 1001 }, (_, i) => ({ row: i + 2, cells: [] })) },
    ],
    ['a field the envelope does not have', { batchId, rows: [], more: 1 }],
    ['no batch id', { rows: [] }],
  ])('refuses %s as the pipe does', async (_case, message) => {
    const expected = await pipeError(message);
    expect(expected).toBeInstanceOf(DomainError);
    await expect(checkedRows(message as unknown as ImportRowsPayload)).rejects.toEqual(expected);
  });
});
