import { connect } from 'nats';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';

describe('gateway platform: health, OpenAPI, outages', () => {
  let rasad: RunningRasad;

  beforeAll(async () => {
    rasad = await startRasad('platform', { NATS_REQUEST_TIMEOUT_MS: '400' });
  });

  afterAll(async () => {
    await rasad?.stop();
  });

  it('reports roster, PostgreSQL and NATS healthy: to anyone up or down, to an admin with details', async () => {
    const health = await rasad.anonymous.get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      info: { roster: { status: 'up' }, postgres: { status: 'up' }, nats: { status: 'up' } },
    });
    const details = await rasad.api.get('/api/v1/health/details');
    expect(details.status).toBe(200);
    expect(details.body.info).toMatchObject({
      roster: { status: 'up', database: 'up' },
      nats: { status: 'up', server: expect.any(String) },
    });
  });

  it('publishes OpenAPI with every route, its body and its error answers', async () => {
    const docs = await rasad.api.get('/docs-json');
    expect(docs.status).toBe(200);
    const paths = docs.body.paths as Record<
      string,
      Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>
    >;
    for (const resource of ['districts', 'tehsils', 'police-stations', 'units', 'posts', 'personnel', 'assignments']) {
      expect(Object.keys(paths[`/api/v1/${resource}`]).sort()).toEqual(['get', 'post']);
      expect(Object.keys(paths[`/api/v1/${resource}/{id}`]).sort()).toEqual(['get', 'patch']);
      expect(paths[`/api/v1/${resource}`].post.requestBody).toBeDefined();
      expect(Object.keys(paths[`/api/v1/${resource}/{id}`].patch.responses)).toEqual(
        expect.arrayContaining(['400', '404', '504']),
      );
    }
    expect(paths['/api/v1/assignments/{id}/cancel'].post).toBeDefined();
    expect(Object.keys(paths['/api/v1/assignments'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '409', '422']),
    );
    expect(Object.keys(paths['/api/v1/imports/personnel'].post.responses)).toContain('422');
    expect(docs.body.components.schemas.CreateAssignmentRequest.required).toEqual(
      expect.arrayContaining(['personnelId', 'postId', 'startsAt', 'endsAt']),
    );
    const ui = await rasad.api.get('/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });

  it('echoes the caller’s request id', async () => {
    const response = await rasad.api.request('GET', '/api/v1/districts', undefined, { 'x-request-id': 'officer-42' });
    expect(response.headers.get('x-request-id')).toBe('officer-42');
  });

  it('answers 504 when a service does not answer in time', async () => {
    const natsUrl = rasad.commonEnv.NATS_URL;
    // Stands in for a stuck roster replica: it takes the request and never replies.
    const stuck = await connect({ servers: natsUrl });
    stuck.subscribe('roster.district.get.v1', { queue: 'roster-stuck-test' });
    await stuck.flush();
    await rasad.roster.close();
    try {
      const started = Date.now();
      const response = await rasad.api.get('/api/v1/districts/0190b0c0-0000-7000-8000-000000000000');
      expect(response.status).toBe(504);
      expect(response.body.code).toBe('SERVICE.TIMEOUT');
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await stuck.close();
    }
  });

  it('answers 503 and reports the roster down when nothing serves it', async () => {
    const response = await rasad.api.get('/api/v1/districts');
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('SERVICE.UNAVAILABLE');
    const health = await rasad.anonymous.get('/health');
    expect(health.status).toBe(503);
    expect(health.body.error.roster).toEqual({ status: 'down' });
    const details = await rasad.api.get('/api/v1/health/details');
    expect(details.status).toBe(503);
    expect(details.body.error.roster).toMatchObject({ status: 'down', message: expect.any(String) });
  });
});
