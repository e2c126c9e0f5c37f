import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The OpenTelemetry SDK and exporter must stay plain Node modules: bundling them would give each
  // route bundle its own copy (see FIELD-NOTES, "module duplication").
  serverExternalPackages: [
    '@opentelemetry/sdk-metrics',
    '@opentelemetry/exporter-prometheus',
    '@opentelemetry/resources',
  ],
};

export default nextConfig;
