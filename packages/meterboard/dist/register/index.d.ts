import type { MetricReader } from '@opentelemetry/sdk-metrics';
/**
 * Starts meterboard in this server process: one MeterProvider (the global one, unless another is
 * already registered), the HTTP server measured from the next request on, the dashboard's history.
 * Runs in the Node.js runtime only and does nothing in the edge runtime, which serves no HTTP
 * requests of its own. Safe to call twice; never throws (a failure is logged and the app runs on).
 */
export declare function register(): Promise<void>;
/**
 * For an app that builds its own MeterProvider (`registerOTel({ metricReaders })` of @vercel/otel,
 * the NodeSDK's `metricReaders`, a MeterProvider of its own): the reader to add to it, before
 * register() is called. meterboard then reads that provider, with the app's views, resource and
 * exporters, adds no view of its own and touches no other instrument. Node.js runtime only.
 */
export declare function meterboardMetricReader(): Promise<MetricReader>;
