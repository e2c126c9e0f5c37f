import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // `next dev` serves its scripts only to localhost unless told otherwise; 127.0.0.1 is the same machine.
  allowedDevOrigins: ['127.0.0.1'],
  // The dashboard polls /api/stats, a route page /api/stats/route, the explorer /api/stats/instrument, every second; `next dev` would log each poll.
  logging: { incomingRequests: { ignore: [/^\/api\/stats(\/route|\/instrument)?(\?|$)/] } },
  // unauthorized() and forbidden() render app/unauthorized.tsx (401) and app/forbidden.tsx (403) for
  // the dashboard's access control (lib/access/guard-page.ts).
  experimental: { authInterrupts: true },
  // The OpenTelemetry SDK and exporter stay plain Node modules, loaded once per process, instead of
  // one copy per route bundle (FIELD-NOTES, "instrumentation.ts").
  serverExternalPackages: [
    '@opentelemetry/sdk-metrics',
    '@opentelemetry/exporter-prometheus',
    '@opentelemetry/exporter-metrics-otlp-http',
    '@opentelemetry/exporter-metrics-otlp-proto',
    '@opentelemetry/core',
    '@opentelemetry/resources',
  ],
};

export default nextConfig;
