// meterboard/register: what instrumentation.ts calls (https://nextjs.org/docs/app/guides/instrumentation).
// Either `export { register } from 'meterboard/register'`, or, in an app with a register() of its
// own, `await registerMeterboard()` inside it (import { register as registerMeterboard }).
import type { MetricReader } from '@opentelemetry/sdk-metrics';
import { setOptions, type MeterboardOptions } from '../options.js';
import type { RequestErrorContext, ErroredRequest } from '../record/request-errors.js';
import type { Telemetry } from '../telemetry.js';
import { TELEMETRY_KEY } from '../telemetry-key.js';

export type { MeterboardOptions } from '../options.js';

/**
 * Starts meterboard in this server process: one MeterProvider (the global one, unless another is
 * already registered), the HTTP server measured from the next request on, the dashboard's history.
 * `options` stand in for the environment variables they name (MeterboardOptions).
 * Runs in the Node.js runtime only and does nothing in the edge runtime, which serves no HTTP
 * requests of its own. Safe to call twice; never throws (a failure is logged and the app runs on).
 */
export async function register(options: MeterboardOptions = {}): Promise<void> {
  // Next inlines NEXT_RUNTIME per bundle, so the edge bundle drops the Node-only import.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    setOptions(options);
    const { startTelemetry } = await import('../telemetry.js');
    startTelemetry();
  }
}

/**
 * What instrumentation.ts exports as its onRequestError (https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation#onrequesterror-optional):
 * Next calls it with every error a request fails with. The exception's type becomes the request's
 * error.type, and the error joins its group on the dashboard's Errors panel, with its stack trace.
 * An app with an onRequestError of its own calls this one from it. Never throws.
 */
export function onRequestError(error: unknown, request: Readonly<ErroredRequest>, context: Readonly<RequestErrorContext>): void {
  // Synchronously, without importing telemetry.ts: Next may send the 500 as soon as this returns.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    (globalThis as { [TELEMETRY_KEY]?: Telemetry })[TELEMETRY_KEY]?.requestErrors.record(error, request, context);
  }
}

/**
 * For an app that builds its own MeterProvider (`registerOTel({ metricReaders })` of @vercel/otel,
 * the NodeSDK's `metricReaders`, a MeterProvider of its own): the reader to add to it, before
 * register() is called. meterboard then reads that provider, with the app's views, resource and
 * exporters, adds no view of its own and touches no other instrument. Node.js runtime only.
 */
export async function meterboardMetricReader(): Promise<MetricReader> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { sharedMetricReader } = await import('../telemetry.js');
    return sharedMetricReader();
  }
  throw new Error('meterboardMetricReader() runs in the Node.js runtime only: call it where process.env.NEXT_RUNTIME === "nodejs".');
}
