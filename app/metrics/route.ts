import type { NextRequest } from 'next/server';
import { refuseUnlessAllowed } from '@/lib/access/guard-endpoint';
import { jsonError, refuseAllButGet } from '@/lib/http/json-error';
import { telemetryUnavailable } from '@/lib/http/telemetry-unavailable';
import { PROMETHEUS_CONTENT_TYPE, renderPrometheusText } from '@/lib/serialize/prometheus';
import { getTelemetry } from '@/lib/telemetry';

export const dynamic = 'force-dynamic';

/** Prometheus scrape endpoint; open unless METRICS_AUTH_TOKEN is set (lib/access/access-policy.ts). */
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

export const { POST, PUT, PATCH, DELETE } = refuseAllButGet();
