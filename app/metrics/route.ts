import { refuseAllButGet } from '@/lib/http/json-error';
import { telemetryUnavailable } from '@/lib/http/telemetry-unavailable';
import { PROMETHEUS_CONTENT_TYPE, renderPrometheusText } from '@/lib/serialize/prometheus';
import { getTelemetry } from '@/lib/telemetry';

export const dynamic = 'force-dynamic';

/** Prometheus scrape endpoint. */
export async function GET(): Promise<Response> {
  const telemetry = getTelemetry();
  if (!telemetry) return telemetryUnavailable();
  return new Response(await renderPrometheusText(telemetry), {
    headers: { 'Content-Type': PROMETHEUS_CONTENT_TYPE, 'Cache-Control': 'no-store' },
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseAllButGet();
