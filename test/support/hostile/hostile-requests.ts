import fc from 'fast-check';
import { Operation, Schema } from './openapi';
import { anyHostileValue, awkwardStrings, invalidDates, invalidUuids, sameTypeHostile } from './hostile-values';
import { KnownIds, plausibleValues, validValue, validValues } from './valid-values';

export type HostileBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  /** Bytes as given, under a content type of the generator's choice; latin1 turns `\xff` into an invalid UTF-8 byte. */
  | { kind: 'raw'; text: string; contentType: string; encoding: 'utf8' | 'latin1' };

export interface HostileRequest {
  /** `?a=1&b=2`, or empty. */
  query: string;
  body: HostileBody;
  /** When set, this raw text stands in for the path's last parameter instead of the real record. */
  pathParam?: string;
}

type Path = (string | number)[];
interface Slot {
  path: Path;
  name: string;
  schema: Schema;
  required: boolean;
}

/** Every property a body schema declares, nested objects and the first element of arrays included. */
function slotsOf(schema: Schema, path: Path = []): Slot[] {
  if (schema.items && (schema.items.properties || schema.items.items)) {
    return slotsOf(schema.items, [...path, 0]);
  }
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => [
    { path: [...path, name], name, schema: property, required: (schema.required ?? []).includes(name) },
    ...slotsOf(property, [...path, name]),
  ]);
}

/** Sets own keys with defineProperty, so that `__proto__` and `constructor` travel as plain keys in the JSON. */
function withKey(target: Record<string, unknown>, key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Mutation = (body: unknown) => unknown;

/** A copy of one level that keeps own keys such as `__proto__` as keys. */
function shallowCopy(value: object): Record<string, unknown> {
  return Array.isArray(value)
    ? ([...value] as unknown as Record<string, unknown>)
    : Object.defineProperties({}, Object.getOwnPropertyDescriptors(value));
}

/** Changes the body at a path, copying only the objects along it: a body may hold a 2,000-deep value elsewhere. */
function at(body: unknown, path: Path, change: (parent: Record<string, unknown>, key: string | number) => void) {
  if (typeof body !== 'object' || body === null) {
    return body;
  }
  const copy = shallowCopy(body);
  let parent = copy;
  for (const step of path.slice(0, -1)) {
    const child = parent[step];
    if (typeof child !== 'object' || child === null) {
      return copy;
    }
    parent[step] = shallowCopy(child);
    parent = parent[step] as Record<string, unknown>;
  }
  change(parent, path[path.length - 1]);
  return copy;
}

const extraKeys = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'isAdmin',
    'id',
    'createdAt',
    'districtIds',
    'hasOwnProperty',
  ),
  fc.string({ maxLength: 12 }),
);

function mutation(slots: Slot[]): fc.Arbitrary<Mutation> {
  const objectPaths: Path[] = [[], ...slots.filter((s) => s.schema.properties).map((s) => s.path)];
  const options: fc.Arbitrary<Mutation>[] = [
    fc.tuple(fc.constantFrom(...objectPaths), extraKeys, anyHostileValue).map(
      ([path, key, value]): Mutation =>
        (body) =>
          path.length === 0
            ? (at({ x: body }, ['x', key], (p, k) => withKey(p, k, value)) as { x: unknown }).x
            : at(body, [...path, key], (p, k) => withKey(p, k, value)),
    ),
  ];
  if (slots.length) {
    options.push(
      fc.constantFrom(...slots).chain((slot) =>
        fc.oneof(sameTypeHostile(slot.schema, slot.name, undefined), anyHostileValue).map(
          (value): Mutation =>
            (body) =>
              at(body, slot.path, (p, k) => withKey(p, k, value)),
        ),
      ),
      fc.constantFrom(...slots).map(
        (slot): Mutation =>
          (body) =>
            at(body, slot.path, (p, k) => {
              delete p[k];
            }),
      ),
    );
  }
  return fc.oneof(...options);
}

/** One field set to a value of its own type that a validator passes but a service may not expect. */
function plausibleMutation(slots: Slot[], ids: KnownIds): fc.Arbitrary<Mutation> {
  return fc.constantFrom(...slots).chain((slot) =>
    plausibleValues(slot.schema, slot.name, ids).map(
      (value): Mutation =>
        (body) =>
          at(body, slot.path, (p, k) => withKey(p, k, value)),
    ),
  );
}

const wholeBodies = fc.oneof(
  fc.constantFrom({}, [], [{}], null, 'a string', 0, -1, true, false),
  anyHostileValue,
  fc.dictionary(fc.string({ maxLength: 10 }), anyHostileValue, { maxKeys: 4 }),
);

const MALFORMED_JSON = [
  '',
  ' ',
  '{',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  'undefined',
  'NaN',
  '\uFEFF{}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '[' + '['.repeat(10_000) + ']'.repeat(10_000) + ']',
  '{"a":' + '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_001),
];
const WRONG_TYPES = [
  'text/plain',
  'text/csv',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/json, text/plain',
  ';;;',
];

function rawBodies(valid: unknown): fc.Arbitrary<HostileBody> {
  const json = JSON.stringify(valid ?? {});
  return fc.oneof(
    fc
      .constantFrom(...MALFORMED_JSON)
      .map((text): HostileBody => ({ kind: 'raw', text, contentType: 'application/json', encoding: 'utf8' })),
    fc
      .constantFrom(...WRONG_TYPES)
      .map((contentType): HostileBody => ({ kind: 'raw', text: json, contentType, encoding: 'utf8' })),
    // An invalid UTF-8 sequence inside the first string of an otherwise valid body.
    fc.constantFrom('\xff\xfe', '\xc3\x28', '\xed\xa0\x80', '\xf8\x88\x80\x80\x80').map((bytes): HostileBody => ({
      kind: 'raw',
      text: json.includes('":"') ? json.replace('":"', `":"${bytes}`) : `{"a":"${bytes}"}`,
      contentType: 'application/json',
      encoding: 'latin1',
    })),
  );
}

/** A CSV cell as the import reads it: lists separated by `;`, quoted when it holds a comma, quote or line break. */
function csvCell(value: unknown): string {
  const text = Array.isArray(value)
    ? value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(';')
    : typeof value === 'string'
      ? value
      : (JSON.stringify(value) ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const BROKEN_CSV = ['', '\n', '\uFEFF', 'a,b\n1', '"unclosed,1\n', 'a,a\n1,2', ',,,\n,,,', 'x\u0000y\n1', 'a\r\r\nb'];

/** Import files: the create route's fields as columns, rows valid or with a field gone wrong, and broken files. */
function csvBodies(row: Schema, ids: KnownIds): fc.Arbitrary<HostileBody> {
  const slots = slotsOf(row);
  const columns = Object.keys(row.properties ?? {});
  const rows = fc.array(
    fc.tuple(
      validValues(row, '', ids),
      fc.array(fc.oneof(mutation(slots), plausibleMutation(slots, ids)), { maxLength: 2 }),
    ),
    { minLength: 1, maxLength: 3 },
  );
  const file = fc.tuple(fc.shuffledSubarray(columns, { minLength: 1 }), rows).map(([header, records]) =>
    [
      header.join(','),
      ...records.map(([valid, mutations]) => {
        const record = mutations.reduce((body, m) => m(body), valid) as Record<string, unknown> | null;
        return header.map((column) => csvCell(record?.[column] ?? '')).join(',');
      }),
    ].join('\n'),
  );
  return fc
    .oneof({ weight: 4, arbitrary: file }, { weight: 1, arbitrary: fc.constantFrom(...BROKEN_CSV) })
    .map((text): HostileBody => ({ kind: 'raw', text, contentType: 'text/csv', encoding: 'utf8' }));
}

function bodies(operation: Operation, ids: KnownIds): fc.Arbitrary<HostileBody> {
  const none = fc.constant<HostileBody>({ kind: 'none' });
  const whole = wholeBodies.map((value): HostileBody => ({ kind: 'json', value }));
  if (operation.csvRow) {
    return fc.oneof(
      { weight: 6, arbitrary: csvBodies(operation.csvRow, ids) },
      { weight: 1, arbitrary: whole },
      { weight: 1, arbitrary: rawBodies({}) },
      { weight: 1, arbitrary: none },
    );
  }
  if (!operation.body) {
    return fc.oneof(
      { weight: 6, arbitrary: none },
      { weight: 1, arbitrary: whole },
      { weight: 1, arbitrary: rawBodies({}) },
    );
  }
  const slots = slotsOf(operation.body);
  const changed = (changes: fc.Arbitrary<Mutation>, most: number) =>
    fc
      .tuple(validValues(operation.body!, '', ids), fc.array(changes, { minLength: 1, maxLength: most }))
      .map(([valid, mutations]): HostileBody => ({
        kind: 'json',
        value: mutations.reduce((body, m) => m(body), valid),
      }));
  const options = [
    { weight: 6, arbitrary: changed(mutation(slots), 3) },
    { weight: 2, arbitrary: whole },
    { weight: 2, arbitrary: rawBodies(validValue(operation.body, '', ids)) },
    { weight: 1, arbitrary: none },
  ];
  if (slots.length) {
    options.push({ weight: 6, arbitrary: changed(plausibleMutation(slots, ids), 2) });
  }
  return fc.oneof(...options);
}

const queryValue = (schema: Schema, name: string) =>
  fc.oneof(
    fc.constantFrom('abc', '-1', '0', '1.5', '1e309', '501', '99999999999999999999', 'true', '[]', '{}', 'null'),
    awkwardStrings.filter((s) => s.length < 2_000),
    invalidUuids,
    invalidDates,
    sameTypeHostile(schema, name, undefined).map(String),
  );

type Pair = [string, string];

/** encodeURIComponent, except that a lone surrogate becomes the percent-encoding of an invalid UTF-8 sequence. */
export function percentEncoded(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text
      .split(/([\ud800-\udfff])/)
      .map((part, i) => (i % 2 ? '%ED%A0%80' : encodeURIComponent(part)))
      .join('');
  }
}

function queries(operation: Operation, ids: KnownIds): fc.Arbitrary<string> {
  const declared = operation.query.length ? operation.query : [{ name: 'limit', schema: { type: 'number' } }];
  const base: Pair[] = operation.query
    .filter((p) => p.required)
    .map((p) => [p.name, String(validValue(p.schema ?? {}, p.name, ids))]);
  const names = declared.map((p) => p.name);
  const change = fc.oneof(
    fc
      .constantFrom(...declared)
      .chain((p) => queryValue(p.schema ?? {}, p.name).map((value): Pair[] => [[p.name, value]])),
    fc
      .constantFrom(...declared)
      .chain((p) => plausibleValues(p.schema ?? {}, p.name, ids).map((value): Pair[] => [[p.name, String(value)]])),
    // Every list is also a spreadsheet: the export walks all pages with the same filters.
    fc.constant<Pair[]>([['format', 'csv']]),
    fc.constantFrom(...names).map((name): Pair[] => [
      [name, 'a'],
      [name, 'b'],
    ]),
    fc.constantFrom(...names).map((name): Pair[] => [[`${name}[gt]`, '1']]),
    fc
      .tuple(
        fc.constantFrom('foo', '__proto__', 'constructor[prototype][x]', 'limit[]', ''),
        fc.string({ maxLength: 8 }),
      )
      .map(([name, value]): Pair[] => [[name, value]]),
  );
  const render = (pairs: Pair[]) => pairs.map(([k, v]) => `${percentEncoded(k)}=${percentEncoded(v)}`).join('&');
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(base.length ? `?${render(base)}` : '') },
    {
      weight: 4,
      arbitrary: fc
        .array(change, { minLength: 1, maxLength: 3 })
        .map(
          (changes) =>
            `?${render([...base.filter(([k]) => !changes.flat().some(([c]) => c === k)), ...changes.flat()])}`,
        ),
    },
    // Percent-encoding that does not decode.
    { weight: 1, arbitrary: fc.constantFrom('?limit=%', '?cursor=%zz', '?search=%E0%A4%A', '?%=1', '?limit=%00') },
  );
}

const hostilePathParams = fc.constantFrom(
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '%00',
  '%zz',
  '..%2F..%2Fetc',
  'x'.repeat(5_000),
  '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
);

/** Hostile requests for one operation: mostly a valid body or query with one to three things wrong. */
export function hostileRequests(operation: Operation, ids: KnownIds): fc.Arbitrary<HostileRequest> {
  // Mostly the real record: a broken path is refused before the body is read, so it would hide the body's effect.
  const pathParam = operation.pathParams.length
    ? fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostilePathParams })
    : fc.constant(undefined);
  return fc.record({ query: queries(operation, ids), body: bodies(operation, ids), pathParam }).map((r) => {
    const request: HostileRequest = r.pathParam === undefined ? { query: r.query, body: r.body } : r;
    // A shrunk counterexample names the route's request as sent, without pages of a 100 KB string.
    return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(operation, request) });
  });
}

function shortened(text: string): string {
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
}

export function describeRequest(operation: Operation, request: HostileRequest): string {
  const path =
    request.pathParam === undefined
      ? operation.path
      : `${operation.path} with last parameter ${shortened(request.pathParam)}`;
  const { body } = request;
  const sent =
    body.kind === 'none'
      ? 'no body'
      : body.kind === 'json'
        ? `JSON ${shortened(JSON.stringify(body.value) ?? 'null')}`
        : `${body.contentType} (${body.encoding}) ${shortened(JSON.stringify(body.text))}`;
  return `${operation.method} ${path}${shortened(request.query)} — ${sent}`;
}
