// The prom-client side of the comparisons: the same HTTP duration histogram as meterboard's
// (semconv buckets, the same labels as Prometheus names them), in its own registry.
import { performance } from 'node:perf_hooks';
import client from 'prom-client';
import { offlineServer } from './fake-exchange.js';
import { DURATION_BUCKETS_S } from '../src/record/http-instruments.js';

/** Label names of http_server_request_duration, as meterboard's /metrics writes them. */
export const DURATION_LABELS = ['http_request_method', 'url_scheme', 'http_route', 'http_response_status_code'] as const;

/** prom-client's http_server_request_duration in `registry`. */
export function promClientDurationHistogram(registry: client.Registry): client.Histogram<(typeof DURATION_LABELS)[number]> {
  return new client.Histogram({
    name: 'http_server_request_duration',
    help: 'Duration of HTTP server requests.',
    labelNames: DURATION_LABELS,
    buckets: DURATION_BUCKETS_S,
    registers: [registry],
  });
}

/**
 * An offline server (fake-exchange.ts) instrumented with prom-client as a careful user would write
 * it: http_server_request_duration observed and an active-requests gauge, with the labels objects
 * built once per (route, status); `routeOf` gives a request URL's route template.
 */
export function promClientRecordingServer(routeOf: (url: string) => string | undefined) {
  const registry = new client.Registry();
  const histogram = promClientDurationHistogram(registry);
  const gauge = new client.Gauge({ name: 'http_server_active_requests', help: 'Active requests.', labelNames: ['http_request_method', 'url_scheme'], registers: [registry] });
  const activeLabels = { http_request_method: 'GET', url_scheme: 'http' };
  const labelCache = new Map<string, client.LabelValues<string>>();
  const server = offlineServer({ bare: true });
  server.on('request', (request: { url: string }, response: NodeJS.EventEmitter & { statusCode: number }) => {
    const start = performance.now();
    gauge.inc(activeLabels);
    response.once('close', () => {
      const route = routeOf(request.url);
      const key = `${route} ${response.statusCode}`;
      let labels = labelCache.get(key);
      if (labels === undefined) {
        labels = { ...activeLabels, http_route: route ?? '', http_response_status_code: response.statusCode };
        labelCache.set(key, labels);
      }
      histogram.observe(labels, (performance.now() - start) / 1000);
      gauge.dec(activeLabels);
    });
  });
  return server;
}
