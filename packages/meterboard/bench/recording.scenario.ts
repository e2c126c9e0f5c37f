// Recording cost: everything meterboard does per request in its default configuration (the emit
// patch, the active-requests count, the explicit and the exponential histogram), against prom-client's
// equivalent (histogram observe + gauge inc/dec with the same labels), each minus the same
// request/response harness without any instrumentation. Interleaved rounds, median per request.
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { test } from 'vitest';
import { DurationHistograms } from '../src/record/duration-histograms.js';
import { instrumentHttpServer } from '../src/record/http-server-metrics.js';
import { microsecondsPerRequest, offlineServer } from './fake-exchange.js';
import { promClientRecordingServer } from './prom-client-http.js';
import { median, report, round, SHORT } from './report.js';

const ROUNDS = SHORT ? 3 : 21;
const REQUESTS_PER_ROUND = SHORT ? 2_000 : 50_000;
const WARMUP_ROUNDS = SHORT ? 1 : 5;
// A few routes and statuses, as a real app has: the series caches are looked up, not just hit once.
const ROUTES = ['/', '/orders', '/orders/[id]', '/api/orders', '/api/orders/[id]', undefined];
const STATUSES = [200, 200, 200, 404, 500];

test('recording', () => {
  // Wired as src/telemetry.ts wires it: one Prometheus reader, the duration histograms as its MetricProducer.
  const durationHistograms = new DurationHistograms({ name: 'meterboard' });
  const provider = new MeterProvider({ readers: [new PrometheusExporter({ preventServerStart: true, metricProducers: [durationHistograms] })] });
  // The default configuration: no per-request context (METRICS_REQUEST_ATTRIBUTES unset).
  instrumentHttpServer({ meter: provider.getMeter('meterboard'), durationHistograms, excludedPaths: [], basePath: '', dashboardPath: '/meterboard', requestContext: undefined });
  const instrumented = offlineServer();
  const bare = offlineServer({ bare: true });

  const promServer = promClientRecordingServer((url) => routeOf(url));
  const exchanges = Array.from({ length: 64 }, (_, i) => {
    const route = ROUTES[i % ROUTES.length];
    return { url: route === undefined ? `/missing/${i}` : route.replace('[id]', String(1000 + i)), route, status: STATUSES[i % STATUSES.length] };
  });
  const routeByUrl = new Map(exchanges.map(({ url, route }) => [url, route]));
  const routeOf = (url: string) => routeByUrl.get(url);

  const round_ = (server: ReturnType<typeof offlineServer>) => microsecondsPerRequest(server, exchanges, REQUESTS_PER_ROUND);

  const variants = { bare, meterboard: instrumented, 'prom-client': promServer };
  const samples: Record<keyof typeof variants, number[]> = { bare: [], meterboard: [], 'prom-client': [] };
  const names = Object.keys(variants) as Array<keyof typeof variants>;
  for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
    // Rotate the order so no variant always runs first (or right after a collection).
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      const microseconds = round_(variants[name]);
      if (r >= WARMUP_ROUNDS) samples[name].push(microseconds);
    }
  }
  const ours = median(samples.meterboard.map((value, i) => value - samples.bare[i]));
  const theirs = median(samples['prom-client'].map((value, i) => value - samples.bare[i]));
  report({
    scenario: 'recording',
    method: `${ROUNDS} interleaved rounds of ${REQUESTS_PER_ROUND} fake requests (${ROUTES.length} routes, 3 statuses) per variant after ${WARMUP_ROUNDS} warm-up rounds; cost = variant − bare harness, median of the per-round differences.`,
    rows: [
      { variant: 'bare harness (no metrics)', 'µs per request': round(median(samples.bare)), 'recording cost (µs)': 0 },
      { variant: 'meterboard (emit patch, explicit + exponential histogram, active count)', 'µs per request': round(median(samples.meterboard)), 'recording cost (µs)': round(ours) },
      { variant: 'prom-client (observe + gauge inc/dec)', 'µs per request': round(median(samples['prom-client'])), 'recording cost (µs)': round(theirs) },
      { variant: 'ratio meterboard / prom-client', 'µs per request': null, 'recording cost (µs)': round(ours / theirs) },
    ],
    targets: [
      { metric: 'recording per request', value: ours, unit: 'µs', limit: 3, goal: 'no worse than prom-client' },
      { metric: 'recording cost ratio meterboard / prom-client', value: ours / theirs, unit: '×', limit: 1 },
    ],
  });
});
