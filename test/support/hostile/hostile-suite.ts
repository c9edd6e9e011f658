import { loadEnv } from '@rasad/common';
import { ErrorCode } from '@rasad/contracts';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import fc from 'fast-check';
import http from 'http';
import { Client } from 'pg';
import { createBriefings } from '../../../apps/briefings/src/bootstrap';
import { BriefingsEnv } from '../../../apps/briefings/src/briefings.env';
import { createLodging } from '../../../apps/lodging/src/bootstrap';
import { LodgingEnv } from '../../../apps/lodging/src/lodging.env';
import { createNotifier } from '../../../apps/notifier/src/bootstrap';
import { createMeals } from '../../../apps/meals/src/bootstrap';
import { MealsEnv } from '../../../apps/meals/src/meals.env';
import { NotifierEnv } from '../../../apps/notifier/src/notifier.env';
import { createReadiness } from '../../../apps/readiness/src/bootstrap';
import { ReadinessEnv } from '../../../apps/readiness/src/readiness.env';
import { createTransport } from '../../../apps/transport/src/bootstrap';
import { TransportEnv } from '../../../apps/transport/src/transport.env';
import { HostileRequest, describeRequest, hostileRequests } from './hostile-requests';
import { KNOWN_ISSUES } from './known-issues';
import { Operation, OpenApiDocument, operationsOf } from './openapi';
import { HostileRecords, createHostileRecords, realPath } from './records';

/**
 * Fixed, so a failure reproduces; HOSTILE_SEED explores elsewhere. Each route adds a hash of its method and path, so
 * its runs stay the same when HOSTILE_ONLY picks it alone or a new route is documented.
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20261129);
const ANSWER_TIMEOUT_MS = 20_000;
/** While chasing one failure: HOSTILE_ONLY='POST /api/v1/briefings$' runs only the routes it matches. */
const ONLY = process.env.HOSTILE_ONLY ? new RegExp(process.env.HOSTILE_ONLY) : undefined;
/** HOSTILE_VERBOSE=1 prints every request and its answer: how to see which bodies get past validation. */
const VERBOSE = Boolean(process.env.HOSTILE_VERBOSE);

function seedOf(operation: Operation): number {
  let hash = 0;
  for (const char of `${operation.method} ${operation.path}`) {
    hash = (hash * 31 + char.charCodeAt(0)) | 0;
  }
  return (SEED + hash) | 0;
}

interface Answer {
  status: number;
  body: any;
}

/** What is wrong with an answer to a hostile request, or undefined when it is a fair one. */
export function fault(answer: Answer): string | undefined {
  const { status, body } = answer;
  if (status >= 500) {
    return `answered ${status}`;
  }
  if (status !== 400 && status !== 422) {
    return undefined;
  }
  if (typeof body?.code !== 'string' || typeof body?.message !== 'string' || !body.message || !body.requestId) {
    return `a ${status} without the API's error shape {code, message, requestId}`;
  }
  const namesFields = body.code === ErrorCode.ValidationFailed || body.code === ErrorCode.ReferenceNotFound;
  const errors = body.errors as { field?: unknown }[] | undefined;
  if (
    namesFields &&
    !(Array.isArray(errors) && errors.length && errors.every((e) => typeof e.field === 'string' && e.field))
  ) {
    return `a ${status} ${body.code} whose errors name no field`;
  }
  return undefined;
}

/** Node's http client rather than fetch: fetch refuses a GET or DELETE with a body, which is one of the hostile cases. */
function send(rasad: RunningRasad, path: string, method: string, request: HostileRequest): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${rasad.api.token}` };
  let payload: Buffer | undefined;
  switch (request.body.kind) {
    case 'none':
      break;
    case 'json':
      headers['content-type'] = 'application/json';
      payload = Buffer.from(JSON.stringify(request.body.value) ?? 'null');
      break;
    case 'raw':
      headers['content-type'] = request.body.contentType;
      payload = Buffer.from(request.body.text, request.body.encoding);
      break;
  }
  if (payload) {
    headers['content-length'] = String(payload.length);
  }
  const { hostname, port } = new URL(rasad.api.baseUrl);
  return new Promise((resolve, reject) => {
    // A connection of its own each time: the server rightly closes one after a 413 or 431, and a pooled socket would
    // then fail the next request with ECONNRESET.
    const options = { hostname, port, path, method, headers, timeout: ANSWER_TIMEOUT_MS, agent: false };
    const outgoing = http.request(options, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: incoming.statusCode ?? 0, body });
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer in ${ANSWER_TIMEOUT_MS} ms`)));
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

function brief(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

/** Starts the whole of Rasad once, makes real records, then throws hostile requests at every documented route. */
export function describeHostileBodies(runsPerRoute: number): void {
  describe(`hostile bodies, queries and paths on every route (${runsPerRoute} runs a route)`, () => {
    let rasad: RunningRasad;
    let db: Client;
    let records: HostileRecords;
    let operations: Operation[];

    beforeAll(async () => {
      rasad = await startRasad(
        'hostile_bodies',
        {},
        {
          gateway: {
            RASAD_EVENT_CONSUMERS: 'briefings,notifier,meals,lodging,transport,readiness',
            RASAD_SERVICES: 'roster,briefings,notifier,meals,lodging,transport,readiness',
          },
        },
        {
          services: [
            (env) => createBriefings(loadEnv(BriefingsEnv, env)),
            (env) => createNotifier(loadEnv(NotifierEnv, { ...env, NOTIFY_CHANNEL: 'log' })),
            (env) => createMeals(loadEnv(MealsEnv, { ...env, RASAD_DEMO_DATA: 'false' })),
            (env) => createLodging(loadEnv(LodgingEnv, { ...env, RASAD_DEMO_DATA: 'false' })),
            (env) => createTransport(loadEnv(TransportEnv, env)),
            (env) => createReadiness(loadEnv(ReadinessEnv, env)),
          ],
        },
      );
      db = new Client({ connectionString: rasad.database.url });
      await db.connect();
      records = await createHostileRecords(rasad.api, db);
      const doc = await rasad.anonymous.get<OpenApiDocument>('/docs-json');
      expect(doc.status).toBe(200);
      // Routes that end a record's life (cancel, revoke) go last, so the others meet it alive.
      const ending = (op: Operation) => op.method === 'DELETE' || op.path.endsWith('/cancel');
      operations = operationsOf(doc.body).sort((a, b) => Number(ending(a)) - Number(ending(b)));
      if (ONLY) {
        operations = operations.filter((op) => ONLY.test(`${op.method} ${op.path}`));
      }
    }, 120_000);

    afterAll(async () => {
      await db?.end();
      await rasad?.stop();
    });

    it('finds every route of the OpenAPI document and a real record for each path parameter', () => {
      expect(operations.length).toBeGreaterThanOrEqual(ONLY ? 1 : 50);
      for (const operation of operations) {
        expect(() => realPath(operation, records)).not.toThrow();
      }
    });

    it('answers a route that is not a list as it would when asked for CSV (a calendar feed was a 500)', async () => {
      const feed = `/api/v1/calendar/${records.calendarFile}`;
      for (const request of [
        rasad.api.get(`${feed}?format=csv`),
        rasad.api.request('GET', feed, undefined, { accept: 'text/csv' }),
      ]) {
        const answer = await request;
        expect(answer.status).toBe(200);
        expect(answer.headers.get('content-type')).toContain('text/calendar');
        expect(answer.body).toContain('BEGIN:VCALENDAR');
      }
    });

    it('answers a path that does not decode in the API error shape, like every other 400', async () => {
      const answer = await rasad.api.get('/api/v1/districts/%zz');
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ code: 'HTTP.400', message: expect.any(String), requestId: expect.any(String) });
    });

    it(
      'answers every hostile request with a 2xx or a 4xx, never a 5xx, and names the field in a 400 or 422',
      async () => {
        const failures: string[] = [];
        const tolerated: string[] = [];
        const statuses: string[] = [];
        for (const operation of operations) {
          const seen = new Map<number, number>();
          const property = fc.asyncProperty(hostileRequests(operation, records.ids), async (request) => {
            const path = realPath(operation, records, request.pathParam);
            const answer = await send(rasad, `${path}${request.query}`, operation.method, request);
            seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
            if (VERBOSE) {
              process.stdout.write(
                `${describeRequest(operation, request)}\n  → ${answer.status} ${brief(answer.body)}\n`,
              );
            }
            const problem = fault(answer);
            if (!problem) {
              return;
            }
            const known = KNOWN_ISSUES.find(
              (k) => k.method === operation.method && k.path === operation.path && k.matches(request, answer),
            );
            if (known) {
              tolerated.push(`${operation.method} ${operation.path} ${problem} (known: ${known.issue})`);
              return;
            }
            throw new Error(`${problem}: ${brief(answer.body)}`);
          });
          try {
            await fc.assert(property, { seed: seedOf(operation), numRuns: runsPerRoute, includeErrorInReport: true });
          } catch (error) {
            // The stack too: an error in the suite's own generators carries no counterexample to go by.
            failures.push(`${operation.method} ${operation.path}\n${(error as Error).stack}`);
          }
          statuses.push(
            `${operation.method} ${operation.path}: ${[...seen]
              .sort(([a], [b]) => a - b)
              .map(([s, n]) => `${s}×${n}`)
              .join(' ')}`,
          );
        }
        process.stdout.write(
          `hostile bodies: ${operations.length} routes, ${runsPerRoute} runs each, seed ${SEED}\n${statuses.join('\n')}\n` +
            (tolerated.length ? `tolerated known issues:\n${[...new Set(tolerated)].join('\n')}\n` : ''),
        );
        expect(failures).toEqual([]);
      },
      Math.max(120_000, runsPerRoute * 60 * 250),
    );
  });
}
