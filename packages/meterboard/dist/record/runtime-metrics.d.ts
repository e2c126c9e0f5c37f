import 'server-only';
import type { MeterProvider } from '@opentelemetry/api';
/**
 * Reports the Node.js runtime's health on `meterProvider` under the semantic-convention names
 * (https://opentelemetry.io/docs/specs/semconv/runtime/nodejs-metrics/,
 * https://opentelemetry.io/docs/specs/semconv/runtime/v8js-metrics/): event loop delay,
 * utilization and time, V8 heap by space, GC pauses, resident memory and CPU time. Everything but
 * the GC pauses is read at collection. Once per process: later calls do nothing. Never throws.
 *
 * Not @opentelemetry/instrumentation-runtime-node, which reports the same: like every
 * @opentelemetry/instrumentation it installs require-in-the-middle, a hook on every require() of
 * the process, and Next requires modules on every request (30 µs of CPU per request measured here,
 * 4% of a trivial route: npm run bench -- overhead).
 */
export declare function startRuntimeMetrics(meterProvider: MeterProvider, consumers?: readonly string[]): void;
