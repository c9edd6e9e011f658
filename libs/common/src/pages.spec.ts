import { Entity, MikroORM, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { DomainError, Page, PageQuery } from '@rasad/contracts';
import { TestDatabase, createTestDatabase } from '@rasad/testing';
import { v7 as uuidv7 } from 'uuid';
import { ListOrder, page, pageRows } from './pages';

@Entity({ tableName: 'duty' })
class Duty {
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'text' }) name: string;
  @Property({ type: 'timestamptz', nullable: true }) startsAt: Date | null = null;
}

const BY_ENTITY: ListOrder = { keys: { name: 'd.name', startsAt: 'd.starts_at' }, natural: 'name' };
const BY_ROW: ListOrder = { keys: { name: 'name', startsAt: 'starts_at' }, natural: 'name' };

// Names repeat across the page size (2), so a page boundary falls between equal sort values.
const NAMES = ['asad', 'bilal', 'bilal', 'bilal', 'danish', 'ehsan', 'ehsan'];

describe('keyset pages over PostgreSQL', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let duties: Duty[];

  beforeAll(async () => {
    database = await createTestDatabase('pages');
    orm = await MikroORM.init({ clientUrl: database.url, entities: [Duty], allowGlobalContext: false, debug: false });
    await orm.schema.createSchema();
    const em = orm.em.fork();
    duties = NAMES.map((name, n) =>
      em.create(Duty, { name, startsAt: n === 3 ? null : new Date(Date.UTC(2027, 1, 8, 6 + (n % 3))) }),
    );
    await em.flush();
  });

  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  type Reader = (query: PageQuery) => Promise<Page<{ id: string; name: string }>>;
  const viaQueryBuilder: Reader = (query) =>
    page(orm.em.fork().createQueryBuilder(Duty, 'd'), query, (d) => ({ id: d.id, name: d.name }), BY_ENTITY);
  const viaRows: Reader = (query) =>
    pageRows<{ id: string; name: string }, { id: string; name: string }>(
      orm.em.fork(),
      { sql: 'select id, name, starts_at from duty where name <> ?', params: ['nobody'] },
      query,
      (row) => ({ id: row.id, name: row.name }),
      BY_ROW,
    );

  async function walk(read: Reader, query: PageQuery): Promise<{ ids: string[]; totals: number[]; pages: number }> {
    const ids: string[] = [];
    const totals: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const answer = await read({ ...query, cursor });
      ids.push(...answer.items.map((item) => item.id));
      totals.push(answer.total);
      cursor = answer.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 20);
    return { ids, totals, pages };
  }

  /** What PostgreSQL itself orders: the sort column (nulls last ascending, first descending), then the id. */
  function expected(by: 'name' | 'startsAt', descending: boolean): Duty[] {
    const value = (d: Duty) => (by === 'name' ? d.name : (d.startsAt?.getTime() ?? null));
    const sorted = [...duties].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      if (x !== y) {
        if (x === null) {
          return 1;
        }
        if (y === null) {
          return -1;
        }
        return x < y ? -1 : 1;
      }
      return a.id < b.id ? -1 : 1;
    });
    return descending ? sorted.reverse() : sorted;
  }

  for (const [how, read] of [
    ['a query builder over entities', viaQueryBuilder],
    ['raw SQL rows', viaRows],
  ] as const) {
    describe(how, () => {
      it('walks the natural order two at a time, ties across page boundaries, each row once, with the total', async () => {
        const { ids, totals, pages } = await walk(read, { limit: 2 });
        expect(ids).toEqual(expected('name', false).map((d) => d.id));
        expect(pages).toBe(4);
        expect(totals).toEqual([7, 7, 7, 7]);
      });

      it('walks a descending sort with ties and a null, ids descending within a tie', async () => {
        const { ids } = await walk(read, { limit: 2, sort: '-name' });
        expect(ids).toEqual(expected('name', true).map((d) => d.id));
        const byStart = await walk(read, { limit: 2, sort: '-startsAt' });
        expect(byStart.ids).toEqual(expected('startsAt', true).map((d) => d.id));
        const ascending = await walk(read, { limit: 3, sort: 'startsAt' });
        expect(ascending.ids).toEqual(expected('startsAt', false).map((d) => d.id));
      });

      it('gives an opaque cursor that continues where the page ended, and null on the last page', async () => {
        const first = await read({ limit: 3 });
        expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(first.items.map((d) => d.name)).toEqual(['asad', 'bilal', 'bilal']);
        const second = await read({ limit: 3, cursor: first.nextCursor! });
        expect(second.items.map((d) => d.name)).toEqual(['bilal', 'danish', 'ehsan']);
        const last = await read({ limit: 3, cursor: second.nextCursor! });
        expect(last.items.map((d) => d.name)).toEqual(['ehsan']);
        expect(last.nextCursor).toBeNull();
        expect(last.total).toBe(7);
      });

      it('refuses a cursor made for another sort, and one it did not make, naming cursor', async () => {
        const byName = await read({ limit: 2, sort: 'name' });
        await expect(read({ limit: 2, sort: '-startsAt', cursor: byName.nextCursor! })).rejects.toMatchObject({
          errors: [{ field: 'cursor', message: expect.stringContaining('made for sort=name') }],
        });
        const forged = Buffer.from(
          JSON.stringify({ s: 'startsAt', v: 'not a time', i: '0190a8a0-0000-7000-8000-000000000000' }),
        ).toString('base64url');
        await expect(read({ sort: 'startsAt', cursor: forged })).rejects.toMatchObject({
          errors: [{ field: 'cursor', message: 'cursor must be the nextCursor of the previous page' }],
        });
        await expect(read({ cursor: 'bm90LWpzb24tYXQtYWxs' })).rejects.toBeInstanceOf(DomainError);
      });

      it('refuses a sort key the list does not take, naming sort and the keys it does', async () => {
        await expect(read({ sort: 'password' })).rejects.toMatchObject({
          errors: [{ field: 'sort', message: 'sort must be one of: name, -name, startsAt, -startsAt' }],
        });
      });
    });
  }

  it('keeps the creation order and gives a total for a list that names no order', async () => {
    const first = await page(orm.em.fork().createQueryBuilder(Duty, 'd'), { limit: 4 }, (d) => d.id);
    const rest = await page(orm.em.fork().createQueryBuilder(Duty, 'd'), { cursor: first.nextCursor! }, (d) => d.id);
    expect([...first.items, ...rest.items]).toEqual(duties.map((d) => d.id).sort());
    expect([first.total, rest.total]).toEqual([7, 7]);
    await expect(
      page(orm.em.fork().createQueryBuilder(Duty, 'd'), { sort: 'name' }, (d) => d.id),
    ).rejects.toMatchObject({ errors: [{ field: 'sort' }] });
  });

  it('counts only the filtered set, before paging', async () => {
    const qb = orm.em.fork().createQueryBuilder(Duty, 'd').andWhere({ name: 'bilal' });
    const answer = await page(qb, { limit: 1 }, (d) => d.name, BY_ENTITY);
    expect(answer).toMatchObject({ items: ['bilal'], total: 3, nextCursor: expect.any(String) });
  });
});
