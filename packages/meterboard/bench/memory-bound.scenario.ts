// Memory bound, in process: one million requests through the real recording path (the emit patch,
// the duration histograms, the history sampling every simulated second), spread over 100,000
// distinct raw paths and, through setRequestAttributes, 10,000 distinct values of a user attribute.
// The series stay bounded (route templates; the cardinality limit) and so does the heap.
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { test } from 'vitest';
import { History, SAMPLE_INTERVAL_MS } from '../src/collect/history.js';
import { DEFAULT_CARDINALITY_LIMIT, DurationHistograms } from '../src/record/duration-histograms.js';
import { instrumentHttpServer, type RequestState } from '../src/record/http-server-metrics.js';
import { setRequestAttributes } from '../src/record/with-route-metrics.js';
import { renderPrometheusText } from '../src/serialize/prometheus.js';
import type { Telemetry } from '../src/telemetry.js';
import { fakeExchange, offlineServer, serve } from './fake-exchange.js';
import { heapUsedAfterGc, report, round, SHORT } from './report.js';

const REQUESTS = SHORT ? 20_000 : 1_000_000;
const RAW_PATHS = SHORT ? 2_000 : 100_000;
const USER_VALUES = SHORT ? 500 : 10_000;
// One history sample (a simulated second) per this many requests: over an hour of history, so every ring fills.
const REQUESTS_PER_SECOND = SHORT ? 100 : 250;
const TEMPLATES = ['/orders/[id]', '/api/orders/[id]', '/blog/[slug]', undefined];

test('memory-bound', async () => {
  const durationHistograms = new DurationHistograms({ name: 'meterboard' });
  const reader = new PrometheusExporter({ preventServerStart: true, metricProducers: [durationHistograms] });
  const provider = new MeterProvider({ readers: [reader] });
  const requestContext = new AsyncLocalStorage<RequestState>();
  const recorder = instrumentHttpServer({ meter: provider.getMeter('meterboard'), durationHistograms, excludedPaths: [], basePath: '', dashboardPath: '/meterboard', requestContext });
  // setRequestAttributes finds the request through the process's telemetry, as in the app.
  (globalThis as Record<symbol, unknown>)[Symbol.for('meterboard.telemetry')] = { requestContext } as Partial<Telemetry>;
  const history = new History(reader, { http: recorder }, 0);
  const server = offlineServer();
  let user = 0;
  server.on('request', () => setRequestAttributes({ 'app.customer_id': `customer-${user++ % USER_VALUES}` }));

  const before = heapUsedAfterGc();
  const start = performance.now();
  let second = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const path = i % RAW_PATHS;
    const route = TEMPLATES[path % TEMPLATES.length];
    serve(server, fakeExchange(route === undefined ? `/wp-admin/probe-${path}.php` : `/${route.split('/')[1]}/${path}`, route, route === undefined ? 404 : 200));
    if ((i + 1) % REQUESTS_PER_SECOND === 0) await history.sample(++second * SAMPLE_INTERVAL_MS);
  }
  const seconds = (performance.now() - start) / 1000;
  const after = heapUsedAfterGc();
  const text = await renderPrometheusText({ reader } as unknown as Telemetry);
  const durationSeries = text.split('\n').filter((line) => line.startsWith('http_server_request_duration_seconds_count')).length;
  const overflow = text.split('\n').some((line) => line.startsWith('http_server_request_duration_seconds_count{otel_metric_overflow="true"'));
  const historySeries = Math.max(...history.ring('1h').completeFrames().map((frame) => frame.http.size));
  report({
    scenario: 'memory-bound',
    method: `${REQUESTS.toLocaleString('en-US')} requests through the emit patch over ${RAW_PATHS.toLocaleString('en-US')} raw paths (${TEMPLATES.length - 1} templates + unmatched) and ${USER_VALUES.toLocaleString('en-US')} values of a setRequestAttributes attribute; ${second} history samples (one per ${REQUESTS_PER_SECOND} requests). Heap after GC.`,
    rows: [
      { measure: 'http.server.request.duration series in /metrics', value: durationSeries },
      { measure: 'of which the overflow series', value: overflow ? 1 : 0 },
      { measure: 'HTTP series per history frame (most)', value: historySeries },
      { measure: 'heap growth (MB)', value: round((after - before) / 2 ** 20) },
      { measure: 'requests per second, in process', value: round(REQUESTS / seconds) },
    ],
    targets: [
      { metric: 'heap growth after 1M requests', value: (after - before) / 2 ** 20, unit: 'MB', limit: 50 },
      { metric: 'http.server.request.duration series', value: durationSeries, unit: 'series', limit: DEFAULT_CARDINALITY_LIMIT },
    ],
  });
});
