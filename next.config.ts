import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // `next dev` serves its scripts only to localhost unless told otherwise; 127.0.0.1 is the same machine.
  allowedDevOrigins: ['127.0.0.1'],
  // The OpenTelemetry SDK and exporter must stay plain Node modules: bundling them would give each
  // route bundle its own copy (see FIELD-NOTES, "module duplication").
  serverExternalPackages: [
    '@opentelemetry/sdk-metrics',
    '@opentelemetry/exporter-prometheus',
    '@opentelemetry/resources',
  ],
};

export default nextConfig;
