import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { type MeterProvider as ApiMeterProvider } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import type { Exporters } from './export/exporter-config.js';
import { History } from './collect/history.js';
import type { PrometheusSource } from './query/prometheus-stats.js';
import { type RequestState } from './record/http-server-metrics.js';
/** Everything meterboard keeps per process. */
export interface Telemetry {
    /** meterboard's own MeterProvider, or the app's when the app shares its own (meterboardMetricReader). */
    readonly meterProvider: ApiMeterProvider;
    /**
     * The only MetricReader: one storage per instrument, shared by /metrics and the history sampler;
     * it also collects the HTTP and server action duration histograms (a MetricProducer).
     */
    readonly reader: PrometheusExporter;
    readonly history: History;
    /**
     * The request being served, so code running inside it can add attributes to its measurement;
     * undefined unless METRICS_REQUEST_ATTRIBUTES=true (see Config.requestAttributes).
     */
    readonly requestContext: AsyncLocalStorage<RequestState> | undefined;
    readonly serviceName: string;
    /** service.instance.id: tells a client that the process, and so its history, changed. */
    readonly instanceId: string;
    /** Process start of telemetry, epoch milliseconds. */
    readonly startTime: number;
    /** Where metrics go besides the dashboard (OTEL_METRICS_EXPORTER). */
    readonly exporters: Exporters;
    /**
     * With METRICS_SOURCE=prometheus, the server /api/stats reads, or why it cannot read one;
     * undefined when it reads this process.
     */
    readonly prometheusSource: PrometheusSource | {
        unusable: string;
    } | undefined;
}
/** This process's Telemetry, or undefined before register() ran or when OTEL_SDK_DISABLED=true. */
export declare function getTelemetry(): Telemetry | undefined;
/**
 * Creates the process's MeterProvider, makes it the global one, starts sampling history and
 * patches the HTTP server. Safe to call again (a second register(), hot reload): returns the first
 * instance. Never throws: a failure is logged and leaves the app running without metrics.
 */
export declare function startTelemetry(): Telemetry | undefined;
/**
 * A MetricReader for an app that runs its own MeterProvider (@vercel/otel's registerOTel, the
 * NodeSDK, its own): add it to that provider's readers, then call register(); the dashboard and
 * /metrics then read the app's provider, with its views and resource, and meterboard records its
 * own instruments through it. Node.js runtime only. Returns the same reader every time.
 */
export declare function sharedMetricReader(): PrometheusExporter;
/** Why getTelemetry() is undefined, in words a user can act on. */
export declare function telemetryUnavailableReason(): string;
