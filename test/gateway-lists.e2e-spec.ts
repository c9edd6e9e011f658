import { parse } from 'csv-parse/sync';
import { TestApi } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';

const PASSWORD = 'a-long-enough-password';

interface UserView {
  id: string;
  username: string;
  role: string;
  districtIds: string[];
  districtCodes: string[];
  disabled: boolean;
  createdAt: string;
}

/** The gateway's own lists (users, audit) page, sort, count and filter like every other list. */
describe('gateway lists: users and audit', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  const district: Record<string, string> = {};
  const created: UserView[] = [];

  /** Every page of a list, following nextCursor, with the total each page gave. */
  async function walk<T>(path: string): Promise<{ items: T[]; totals: number[]; pages: number }> {
    const items: T[] = [];
    const totals: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const response = await api.get(`${path}${cursor ? `${separator}cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      items.push(...(response.body.items as T[]));
      totals.push(response.body.total as number);
      cursor = response.body.nextCursor as string | null;
      pages++;
    } while (cursor && pages < 50);
    return { items, totals, pages };
  }

  const usernames = (users: UserView[]) => users.map((u) => u.username);

  beforeAll(async () => {
    rasad = await startRasad('gateway_lists');
    api = rasad.api;
    for (const code of ['HRP', 'ABT']) {
      const response = await api.post('/api/v1/districts', { code, name: `District ${code}` });
      expect(response.status).toBe(201);
      district[code] = response.body.id;
    }
    // Created out of alphabetical order, two roles repeated, so name order, creation order and role ties all differ.
    for (const [username, role, districts] of [
      ['zafar.viewer', 'viewer', { districtCodes: ['HRP'] }],
      ['bilal.officer', 'logistics_officer', { districtIds: [district.ABT] }],
      ['mehwish.briefer', 'briefing_officer', { districtCodes: ['hrp'], districtIds: [district.ABT] }],
      ['asma.viewer', 'viewer', { districtCodes: ['ABT'] }],
      ['kamran.officer', 'logistics_officer', { districtCodes: ['HRP'] }],
    ] as const) {
      const response = await api.post('/api/v1/users', { username, password: PASSWORD, role, ...districts });
      expect(response.status).toBe(201);
      created.push(response.body as UserView);
    }
  });

  afterAll(async () => {
    await rasad?.stop();
  });

  it('takes districts by code as well as by id, and shows both', async () => {
    const [zafar, bilal, mehwish] = created;
    expect(zafar).toMatchObject({ districtIds: [district.HRP], districtCodes: ['HRP'] });
    expect(bilal).toMatchObject({ districtIds: [district.ABT], districtCodes: ['ABT'] });
    expect(mehwish.districtIds.sort()).toEqual([district.HRP, district.ABT].sort());
    expect(mehwish.districtCodes.sort()).toEqual(['ABT', 'HRP']);
    expect((await api.get(`/api/v1/users/${zafar.id}`)).body.districtCodes).toEqual(['HRP']);
  });

  it('refuses an unknown district code or id with a 422 naming the field and the value, and creates nothing', async () => {
    const byCode = await api.post('/api/v1/users', {
      username: 'ghost.viewer',
      password: PASSWORD,
      role: 'viewer',
      districtCodes: ['HRP', 'NOPE'],
    });
    expect(byCode.status).toBe(422);
    expect(byCode.body.errors).toEqual([{ field: 'districtCodes', message: 'no district with code NOPE' }]);

    const unknownId = '01900000-0000-7000-8000-000000000000';
    const byId = await api.post('/api/v1/users', {
      username: 'ghost.viewer',
      password: PASSWORD,
      role: 'viewer',
      districtIds: [unknownId],
    });
    expect(byId.status).toBe(422);
    expect(byId.body.errors).toEqual([{ field: 'districtIds', message: `no district with id ${unknownId}` }]);
    expect(usernames((await walk<UserView>('/api/v1/users?limit=500')).items)).not.toContain('ghost.viewer');

    const [zafar] = created;
    const patched = await api.patch(`/api/v1/users/${zafar.id}`, { districtCodes: ['ABT', 'XYZ'] });
    expect(patched.status).toBe(422);
    expect(patched.body.errors).toEqual([{ field: 'districtCodes', message: 'no district with code XYZ' }]);
    expect((await api.get(`/api/v1/users/${zafar.id}`)).body.districtIds).toEqual([district.HRP]);
  });

  it('pages users in username order by default, with the total on every page', async () => {
    const { items, totals, pages } = await walk<UserView>('/api/v1/users?limit=2');
    const expected = ['admin', ...usernames(created)].sort();
    expect(usernames(items)).toEqual(expected);
    expect(pages).toBe(3);
    expect(totals).toEqual([6, 6, 6]);
  });

  it('sorts by another key, descending, and by one with ties, each user once across pages', async () => {
    const newest = await walk<UserView>('/api/v1/users?limit=2&sort=-createdAt');
    expect(usernames(newest.items)).toEqual([...usernames(created)].reverse().concat('admin'));

    const byRole = await walk<UserView>('/api/v1/users?limit=2&sort=role');
    expect(byRole.items.map((u) => u.role)).toEqual([
      'admin',
      'briefing_officer',
      'logistics_officer',
      'logistics_officer',
      'viewer',
      'viewer',
    ]);
    expect(new Set(byRole.items.map((u) => u.id)).size).toBe(6);

    const wrongKey = await api.get('/api/v1/users?sort=password');
    expect(wrongKey.status).toBe(400);
    expect(wrongKey.body.errors).toEqual([
      { field: 'sort', message: 'sort must be one of: username, -username, role, -role, createdAt, -createdAt' },
    ]);
    const first = await api.get('/api/v1/users?limit=2');
    const otherSort = await api.get(`/api/v1/users?limit=2&sort=-createdAt&cursor=${first.body.nextCursor}`);
    expect(otherSort.status).toBe(400);
    expect(otherSort.body.errors[0].field).toBe('cursor');
  });

  it('filters by several roles at once, by district, and by disabled', async () => {
    const roles = await walk<UserView>('/api/v1/users?role=viewer,briefing_officer');
    expect(usernames(roles.items)).toEqual(['asma.viewer', 'mehwish.briefer', 'zafar.viewer']);
    expect(roles.totals).toEqual([3]);
    const repeated = await walk<UserView>('/api/v1/users?role=viewer&role=admin');
    expect(usernames(repeated.items)).toEqual(['admin', 'asma.viewer', 'zafar.viewer']);
    const unknown = await api.get('/api/v1/users?role=viewer,boss');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      {
        field: 'role',
        message:
          'role must be one or more of: admin, logistics_officer, briefing_officer, viewer (separated by commas)',
      },
    ]);

    const abt = await walk<UserView>(`/api/v1/users?districtId=${district.ABT}`);
    expect(usernames(abt.items)).toEqual(['asma.viewer', 'bilal.officer', 'mehwish.briefer']);

    const kamran = created[4];
    expect((await api.patch(`/api/v1/users/${kamran.id}`, { disabled: true })).status).toBe(200);
    expect(usernames((await walk<UserView>('/api/v1/users?disabled=true')).items)).toEqual(['kamran.officer']);
    expect(usernames((await walk<UserView>('/api/v1/users')).items)).toContain('kamran.officer');
    expect(usernames((await walk<UserView>('/api/v1/users?disabled=false')).items)).not.toContain('kamran.officer');
    expect((await api.patch(`/api/v1/users/${kamran.id}`, { disabled: false })).status).toBe(200);
  });

  it('exports the users list as CSV, filters and sort applied', async () => {
    const response = await api.get('/api/v1/users?format=csv&role=viewer&sort=-username');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse<Record<string, string>>((response.body as string).replace(/^\ufeff/, ''), { columns: true });
    expect(rows.map((row) => [row.username, row.districtCodes])).toEqual([
      ['zafar.viewer', 'HRP'],
      ['asma.viewer', 'ABT'],
    ]);
  });

  it('documents the users list as a page with a total, its sort and its filters', async () => {
    const docs = await api.get('/docs-json');
    const parameters = (docs.body.paths['/api/v1/users'].get.parameters as { name: string }[]).map((p) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['limit', 'cursor', 'sort', 'role', 'districtId', 'disabled']));
    expect(docs.body.components.schemas.UserViewPage.required).toEqual(['items', 'nextCursor', 'total']);
    expect(docs.body.components.schemas.UserView.required).toContain('districtCodes');
  });

  it('pages the audit log newest first, with its total, across pages', async () => {
    const { items, totals } = await walk<{ at: string; action: string; entityId: string; after: UserView | null }>(
      '/api/v1/audit?entity=user&action=create&limit=2',
    );
    expect(items.map((entry) => entry.entityId)).toEqual(created.map((u) => u.id).reverse());
    expect(new Set(totals)).toEqual(new Set([created.length]));
    expect(items[items.length - 1].after).toMatchObject({ username: 'zafar.viewer', districtCodes: ['HRP'] });

    const everything = await walk<{ at: string }>('/api/v1/audit?limit=3');
    const times = everything.items.map((entry) => entry.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(everything.totals.every((total) => total === everything.items.length)).toBe(true);
  });
});
