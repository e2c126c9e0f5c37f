// meterboard/metrics: the Prometheus scrape endpoint (app/metrics/route.ts re-exports it).
import 'server-only';
import type { NextRequest } from 'next/server.js';
import { refuseUnlessAllowed } from '../access/guard-endpoint.js';
import { jsonError, refuseAllButGet } from '../http/json-error.js';
import { telemetryUnavailable } from '../http/telemetry-unavailable.js';
import { PROMETHEUS_CONTENT_TYPE, renderPrometheusText } from '../serialize/prometheus.js';
import { getTelemetry } from '../telemetry.js';

/** The Prometheus text exposition; open unless METRICS_AUTH_TOKEN is set (access/access-policy.ts). */
export async function GET(request: NextRequest): Promise<Response> {
  const refusal = refuseUnlessAllowed(request, 'metrics');
  if (refusal) return refusal;
  const telemetry = getTelemetry();
  if (!telemetry) return telemetryUnavailable();
  if (!telemetry.exporters.prometheus) {
    return jsonError(404, 'not_exported', '/metrics is off: OTEL_METRICS_EXPORTER does not name "prometheus"; add it (e.g. OTEL_METRICS_EXPORTER=prometheus,otlp) to serve it.');
  }
  return new Response(await renderPrometheusText(telemetry), {
    headers: { 'Content-Type': PROMETHEUS_CONTENT_TYPE, 'Cache-Control': 'no-store' },
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = refuseAllButGet();
