import { CancelSessionRequest, CreateUserRequest, DomainError, PageQuery } from '@rasad/contracts';
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
    expect(errors).toEqual([{ field: 'reason', message: 'reason is required: text of 1 to 500 characters' }]);
  });

  it('says what a field takes, from all its rules, whichever failed first', async () => {
    for (const reason of [5, '', 'x'.repeat(501)]) {
      expect((await errorsFor(CancelSessionRequest, { reason })).errors).toEqual([
        { field: 'reason', message: 'reason must be text of 1 to 500 characters' },
      ]);
    }
    const { errors } = await errorsFor(CreateUserRequest, {
      username: 'officer.one',
      password: 'long-enough-password',
      role: 'chief',
      districtIds: [],
    });
    expect(errors).toEqual([
      { field: 'role', message: 'role must be one of: admin, logistics_officer, briefing_officer, viewer' },
    ]);
  });

  it('keeps a message the contract wrote itself', async () => {
    const { errors } = await errorsFor(CreateUserRequest, {
      username: 'x',
      password: 'long-enough-password',
      role: 'viewer',
      districtIds: [],
    });
    expect(errors).toEqual([
      { field: 'username', message: 'username must be 3-60 lowercase letters, digits, dots, dashes or underscores' },
    ]);
  });

  it('still names every failing field, and unknown fields', async () => {
    const { errors } = await errorsFor(PageQuery, { limit: 'x', cursor: 'nope', colour: 'red' }, 'query');
    expect(errors!.map((e) => e.field).sort()).toEqual(['colour', 'cursor', 'limit']);
    expect(errors!.find((e) => e.field === 'colour')!.message).toBe('colour is not an accepted field');
  });
});
