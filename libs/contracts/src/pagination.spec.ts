import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AnyOf, PageQuery } from './pagination';

class ListDutiesQuery extends PageQuery {
  @AnyOf(['planned', 'confirmed', 'cancelled'])
  status?: string[];
}

async function read(query: Record<string, unknown>) {
  const dto = plainToInstance(ListDutiesQuery, query);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  return { dto, messages: errors.flatMap((e) => Object.values(e.constraints ?? {})) };
}

describe('AnyOf: a filter of several values', () => {
  it('takes the values separated by commas, or the parameter repeated, once each', async () => {
    expect((await read({ status: 'planned,confirmed' })).dto.status).toEqual(['planned', 'confirmed']);
    expect((await read({ status: ['planned', 'confirmed,planned'] })).dto.status).toEqual(['planned', 'confirmed']);
    expect((await read({ status: 'planned' })).messages).toEqual([]);
    expect((await read({})).dto.status).toBeUndefined();
  });

  it('refuses a value outside the allowed ones, or none at all, in one message naming the field and the values', async () => {
    const message = 'status must be one or more of: planned, confirmed, cancelled (separated by commas)';
    expect((await read({ status: 'planned,done' })).messages).toEqual([message]);
    expect((await read({ status: '' })).messages).toEqual([message]);
  });
});

describe('PageQuery', () => {
  it('takes an opaque cursor and a sort key, and refuses what cannot be either', async () => {
    const ok = plainToInstance(PageQuery, { cursor: 'eyJzIjoibmFtZSIsImkiOiJ4In0', sort: '-startsAt' });
    expect(await validate(ok)).toEqual([]);
    const bad = await validate(plainToInstance(PageQuery, { cursor: 'not a cursor!', sort: 'name; drop table' }));
    expect(bad.map((e) => Object.values(e.constraints ?? {})[0])).toEqual([
      'cursor must be the nextCursor of the previous page',
      'sort must be a sort key of this list, `-` before it for descending',
    ]);
  });
});
