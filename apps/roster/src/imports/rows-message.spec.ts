import { DomainError, ImportRowsRequest } from '@rasad/contracts';
import { rasadValidationPipe } from '@rasad/messaging';
import { checkedRows, ImportRowsMessage } from './rows-message';

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
    await expect(checkedRows({ batchId, rows })).resolves.toBe(rows);
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
    await expect(checkedRows(message as ImportRowsMessage)).rejects.toEqual(expected);
  });
});
