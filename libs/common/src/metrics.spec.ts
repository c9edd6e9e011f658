import { parseMetrics, samplesOf } from '@rasad/testing';
import { ServiceMetrics, perScrape } from './metrics';

describe('ServiceMetrics', () => {
  it('labels every series with its service and reads gauges when scraped', async () => {
    const metrics = new ServiceMetrics('briefings');
    let backlog = 3;
    metrics.gauge('rasad_test_backlog', 'backlog', ['kind'], (gauge) => gauge.set({ kind: 'outbox' }, backlog));
    metrics.counter('rasad_test_applied_total', 'applied', ['subject']).inc({ subject: 'evt.a.v1' }, 2);
    expect(await metrics.registry.metrics()).toContain('rasad_test_backlog{kind="outbox",service="briefings"} 3');
    backlog = 0;
    const text = await metrics.registry.metrics();
    expect(text).toContain('rasad_test_backlog{kind="outbox",service="briefings"} 0');
    expect(text).toContain('rasad_test_applied_total{subject="evt.a.v1",service="briefings"} 2');
  });

  it('answers NaN for a gauge whose read fails, rather than a stale value or a healthy-looking 0', async () => {
    const metrics = new ServiceMetrics('roster');
    let fail = false;
    metrics.gauge('rasad_test_pending', 'pending', [], (gauge) => {
      if (fail) {
        throw new Error('database down');
      }
      gauge.set(5);
    });
    expect(await metrics.registry.metrics()).toContain('rasad_test_pending{service="roster"} 5');
    fail = true;
    // prom-client writes `Nan`; Prometheus reads any case of NaN.
    const [pending] = samplesOf(parseMetrics(await metrics.registry.metrics()), 'rasad_test_pending');
    expect(pending.value).toBeNaN();
  });

  it('gives the same metric for the same name, so two registrations do not clash', () => {
    const metrics = new ServiceMetrics('roster');
    expect(metrics.counter('rasad_test_total', 'x')).toBe(metrics.counter('rasad_test_total', 'x'));
  });

  it('keeps each pool under its own label', async () => {
    const metrics = new ServiceMetrics('roster');
    metrics.poolGauge('orm', () => ({ used: 2, idle: 3, waiting: 0 }));
    metrics.poolGauge('relay', () => ({ used: 1, idle: 1, waiting: 4 }));
    const text = await metrics.registry.metrics();
    expect(text).toContain('rasad_db_pool_connections{pool="orm",state="used",service="roster"} 2');
    expect(text).toContain('rasad_db_pool_connections{pool="relay",state="waiting",service="roster"} 4');
  });
});

describe('perScrape', () => {
  it('reads once for the gauges of one scrape', async () => {
    let reads = 0;
    const read = perScrape(() => Promise.resolve(++reads), 1000);
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    expect(reads).toBe(1);
  });
});
