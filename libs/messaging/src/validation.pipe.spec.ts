import { CancelSessionRequest, DomainError, PageQuery } from '@rasad/contracts';
import { rasadValidationPipe } from './validation.pipe';

async function errorsFor(metatype: new () => object, value: unknown, type: 'body' | 'query' = 'body') {
  try {
    await rasadValidationPipe().transform(value, { type, metatype });
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { message: (error as DomainError).message, errors: (error as DomainError).errors };
  }
  throw new Error('expected a validation failure');
}

describe('rasadValidationPipe', () => {
  it.each(['abc', '0', '501', '2.5'])('answers limit=%s with one message that says what to send', async (limit) => {
    const { errors, message } = await errorsFor(PageQuery, { limit }, 'query');
    expect(errors).toEqual([{ field: 'limit', message: 'limit must be a whole number from 1 to 500' }]);
    expect(message).toBe('Invalid limit: limit must be a whole number from 1 to 500');
  });

  it('answers a missing field with one message saying it is required', async () => {
    const { errors } = await errorsFor(CancelSessionRequest, {});
    expect(errors).toHaveLength(1);
    expect(errors![0].field).toBe('reason');
    expect(errors![0].message).toMatch(/^reason is required: reason must be /);
  });

  it('still names every failing field, and unknown fields', async () => {
    const { errors } = await errorsFor(PageQuery, { limit: 'x', cursor: 'nope', colour: 'red' }, 'query');
    expect(errors!.map((e) => e.field).sort()).toEqual(['colour', 'cursor', 'limit']);
    expect(errors!.find((e) => e.field === 'colour')!.message).toBe('colour is not an accepted field');
  });
});
