// The prom-client side of the comparisons: the same HTTP duration histogram as meterboard's
// (semconv buckets, the same labels as Prometheus names them), in its own registry.
import client from 'prom-client';
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
