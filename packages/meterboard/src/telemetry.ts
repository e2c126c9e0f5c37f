import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createNoopMeter, metrics, type MeterProvider as ApiMeterProvider } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { BASE_PATH } from './base-path.js';
import { ConfigError, readAccessConfig, readConfig, type Config, type DataSource } from './config.js';
import type { Exporters } from './export/exporter-config.js';
import { History, HISTORY_CONSUMER } from './collect/history.js';
import { logOnce } from './log-once.js';
import { createResource, instanceIdOf, serviceNameOf } from './resource.js';
import { METER_NAME, METER_VERSION } from './scope.js';
import { exposureSummary } from './access/access-policy.js';
import { flushOnTermination } from './export/flush-on-termination.js';
import { pushReaders } from './export/push-readers.js';
import { PrometheusClient } from './query/prometheus-client.js';
import type { PrometheusSource } from './query/prometheus-stats.js';
import { boundedMeterProvider } from './record/bounded-meter-provider.js';
import { HistogramSketches } from './record/histogram-sketches.js';
import { DEFAULT_CARDINALITY_LIMIT, DurationHistograms } from './record/duration-histograms.js';
import { instrumentHttpServer, pathMatcher, type RequestState } from './record/http-server-metrics.js';
import { installedNextVersion, isSupportedNext, SUPPORTED_NEXT } from './next-version.js';
import { startRuntimeMetrics } from './record/runtime-metrics.js';
import { PROMETHEUS_CONSUMER } from './serialize/prometheus.js';
import { buildConfig } from './record/build-config.js';
import { RequestErrorRecorder } from './record/request-errors.js';
import { instrumentOutgoingCalls } from './record/outgoing-calls.js';
import { routeOfCurrentWork } from './record/next-work-route.js';
import { TELEMETRY_KEY } from './telemetry-key.js';

// Route bundles and the instrumentation bundle each get their own copy of this module, so the one
// instance per process lives on globalThis (FIELD-NOTES, "instrumentation.ts").
const SHARED_READER_KEY = Symbol.for('meterboard.sharedReader');

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
  /** The errors Next reported through onRequestError, grouped for the dashboard. */
  readonly requestErrors: RequestErrorRecorder;
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
  readonly prometheusSource: PrometheusSource | { unusable: string } | undefined;
}

type TelemetryGlobal = typeof globalThis & { [TELEMETRY_KEY]?: Telemetry; [SHARED_READER_KEY]?: SharedReader };

/** This process's Telemetry, or undefined before register() ran or when OTEL_SDK_DISABLED=true. */
export function getTelemetry(): Telemetry | undefined {
  return (globalThis as TelemetryGlobal)[TELEMETRY_KEY];
}

/**
 * Creates the process's MeterProvider, makes it the global one, starts sampling history and
 * patches the HTTP server. Safe to call again (a second register(), hot reload): returns the first
 * instance. Never throws: a failure is logged and leaves the app running without metrics.
 */
export function startTelemetry(): Telemetry | undefined {
  const existing = getTelemetry();
  if (existing) return existing;
  const config = readConfig();
  if (config instanceof ConfigError) return undefined;
  for (const warning of config.warnings) console.warn(`[meterboard] ${warning}`);
  if (config.disabled) {
    console.info('[meterboard] OTEL_SDK_DISABLED=true: no metrics are recorded.');
    return undefined;
  }

  try {
    const resource = createResource();
    const shared = (globalThis as TelemetryGlobal)[SHARED_READER_KEY];
    const { meterProvider, ownSdkProvider, reader, durationHistograms, push, sketches } = shared ? inAppProvider(shared, config) : ownProvider(config, resource);
    const requestContext = config.requestAttributes ? new AsyncLocalStorage<RequestState>() : undefined;
    const http = instrumentHttpServer({
      meter: meterProvider.getMeter(METER_NAME, METER_VERSION),
      durationHistograms,
      excludedPaths: config.excludedPaths,
      basePath: BASE_PATH,
      dashboardPath: config.dashboardPath,
      requestContext,
    });
    // The collections' consumers (lib/collect/collection-consumer.ts): their event loop intervals start now.
    startRuntimeMetrics(meterProvider, [HISTORY_CONSUMER, PROMETHEUS_CONSUMER, ...push.map((pushReader) => pushReader.consumer)], {
      frequentConsumers: [HISTORY_CONSUMER],
    });
    if (ownSdkProvider && push.length > 0) flushOnTermination(ownSdkProvider, config.exporters.exportTimeoutMs);
    const requestErrors = new RequestErrorRecorder(http, buildConfig().keepsClassNames);
    const outgoing = instrumentOutgoingCalls({ durationHistograms, routeOf: routeOfCurrentWork, isIgnoredRoute: pathMatcher(config.excludedPaths) });
    const telemetry: Telemetry = {
      meterProvider,
      reader,
      history: History.start(reader, { http, outgoing, errors: requestErrors.groups, sketches }),
      requestErrors,
      requestContext,
      serviceName: serviceNameOf(resource),
      instanceId: instanceIdOf(resource),
      startTime: Date.now(),
      exporters: config.exporters,
      prometheusSource: prometheusSourceOf(config.source),
    };
    (globalThis as TelemetryGlobal)[TELEMETRY_KEY] = telemetry;
    console.info(`[meterboard] measuring HTTP requests of service "${telemetry.serviceName}"; ${shared ? "in the app's own MeterProvider (meterboardMetricReader); metrics go to the dashboard and /metrics" : destinations(config.exporters)}`);
    const access = readAccessConfig();
    if (!(access instanceof ConfigError)) {
      for (const warning of access.warnings) console.warn(`[meterboard] ${warning}`);
      console.info(`[meterboard] access: ${exposureSummary(access)}`);
    }
    const nextVersion = installedNextVersion();
    if (nextVersion !== undefined && !isSupportedNext(nextVersion)) {
      console.warn(`[meterboard] next ${nextVersion} is not a version meterboard supports (${SUPPORTED_NEXT}): route templates and server action names may be missing, never raw paths.`);
    }
    if (config.source.kind === 'prometheus') {
      console.info(`[meterboard] the dashboard reads Prometheus at ${config.source.url} (series ${config.source.selector}), not this process.`);
    }
    return telemetry;
  } catch (error) {
    logOnce('start', 'failed to start telemetry; the app runs without metrics', error);
    return getTelemetry();
  }
}

// What a MeterProvider of meterboard's own needs: its reader (with the duration histograms as its
// producer), the push readers, the views, made the global provider.
function ownProvider(config: Config, resource: Resource): Providers {
  const cardinalityLimit = config.cardinalityLimit ?? DEFAULT_CARDINALITY_LIMIT;
  const { reader, durationHistograms } = meterboardReader(cardinalityLimit);
  const push = pushReaders(config.exporters, [durationHistograms]);
  const readers = [reader, ...push];
  // The Prometheus exporter takes no cardinality selector, so a limit other than the default is a
  // view on every instrument. With more than one reader a view also makes their instruments share
  // one storage, hashing each measurement once rather than once per reader (FIELD-NOTES).
  const views =
    config.cardinalityLimit === undefined && readers.length === 1 ? [] : [{ instrumentName: '*', aggregationCardinalityLimit: cardinalityLimit }];
  const meterProvider = new MeterProvider({ resource, readers, views });
  // The app's meters get the provider that bounds each instrument's series over the process's
  // lifetime; meterboard's own instruments have fixed attribute sets and use the SDK's directly.
  const sketches = new HistogramSketches();
  if (!metrics.setGlobalMeterProvider(boundedMeterProvider(meterProvider, cardinalityLimit, sketches))) {
    console.warn(
      "[meterboard] another global MeterProvider is registered, so the app's own meters do not reach the dashboard; to share it, add meterboardMetricReader() to its readers (README, \"An app that already has a MeterProvider\").",
    );
  }
  return { meterProvider, ownSdkProvider: meterProvider, reader, durationHistograms, push, sketches };
}

// In the app's own MeterProvider, which holds meterboard's reader: its views, resource and exporters
// stay the app's, meterboard adds no view and no reader, and records its instruments through it.
function inAppProvider(shared: SharedReader, config: Config): Providers {
  if (config.exporters.otlp || config.exporters.console) {
    console.warn("[meterboard] OTEL_METRICS_EXPORTER's push exporters are not started: the app's own MeterProvider exports, so add them to it.");
  }
  shared.durationHistograms.limitSeriesTo(config.cardinalityLimit ?? DEFAULT_CARDINALITY_LIMIT);
  // The API hands out no-op meters until a provider is registered: the in-flight and runtime
  // instruments would record nothing, while the request durations (the reader's own) still show.
  if (metrics.getMeterProvider().getMeter(METER_NAME).constructor === createNoopMeter().constructor) {
    console.warn('[meterboard] meterboardMetricReader() was called but no MeterProvider is registered yet: register yours before calling register(), or the in-flight and runtime metrics stay empty.');
  }
  return { meterProvider: metrics.getMeterProvider(), ownSdkProvider: undefined, reader: shared.reader, durationHistograms: shared.durationHistograms, push: [] };
}

/**
 * A MetricReader for an app that runs its own MeterProvider (@vercel/otel's registerOTel, the
 * NodeSDK, its own): add it to that provider's readers, then call register(); the dashboard and
 * /metrics then read the app's provider, with its views and resource, and meterboard records its
 * own instruments through it. Node.js runtime only. Returns the same reader every time.
 */
export function sharedMetricReader(): PrometheusExporter {
  const global = globalThis as TelemetryGlobal;
  if (global[TELEMETRY_KEY] && !global[SHARED_READER_KEY]) {
    throw new Error('meterboardMetricReader() was called after register() started meterboard with a MeterProvider of its own: call it first, while building your MeterProvider, and register() after.');
  }
  if (!global[SHARED_READER_KEY]) {
    // Not the configuration yet: register(options) may still change it. startTelemetry sets the limit.
    global[SHARED_READER_KEY] = meterboardReader(DEFAULT_CARDINALITY_LIMIT);
  }
  return global[SHARED_READER_KEY].reader;
}

// The one MetricReader meterboard reads (for /metrics and the history), with the HTTP and server
// action duration histograms as its MetricProducer.
function meterboardReader(cardinalityLimit: number): SharedReader {
  const durationHistograms = new DurationHistograms({ name: METER_NAME, version: METER_VERSION }, cardinalityLimit);
  return { reader: new PrometheusExporter({ preventServerStart: true, metricProducers: [durationHistograms] }), durationHistograms };
}

interface SharedReader {
  reader: PrometheusExporter;
  durationHistograms: DurationHistograms;
}

interface Providers {
  /** Where meterboard's own instruments are created. */
  meterProvider: ApiMeterProvider;
  /** The SDK provider meterboard owns (and flushes at SIGTERM), if it owns one. */
  ownSdkProvider: MeterProvider | undefined;
  reader: PrometheusExporter;
  durationHistograms: DurationHistograms;
  push: ReturnType<typeof pushReaders>;
  /** The sketches of the app's histograms, when the app's meters come from meterboard's provider. */
  sketches?: HistogramSketches;
}

// What /api/stats reads besides the process: a Prometheus client, or why there is none.
function prometheusSourceOf(source: DataSource): Telemetry['prometheusSource'] {
  if (source.kind === 'unusable') return { unusable: source.reason };
  if (source.kind === 'process') return undefined;
  return { client: new PrometheusClient(source.url), selector: source.selector, scrapeIntervalSeconds: source.scrapeIntervalSeconds };
}

/** Why getTelemetry() is undefined, in words a user can act on. */
export function telemetryUnavailableReason(): string {
  const config = readConfig();
  if (config instanceof ConfigError) return `Metrics are off: ${config.message}`;
  if (config.disabled) return 'Metrics are disabled by OTEL_SDK_DISABLED=true.';
  return 'Telemetry has not started: instrumentation.ts register() did not run in this process.';
}

// Where the metrics go, for the start-up log line.
function destinations({ prometheus, otlp, console: toConsole, exportIntervalMs }: Exporters): string {
  const places = ['the dashboard'];
  if (prometheus) places.push('Prometheus text at /metrics');
  if (otlp) places.push(`OTLP (${otlp.protocol}) to ${otlp.endpointForLog} every ${exportIntervalMs / 1000} s`);
  if (toConsole) places.push(`the console every ${exportIntervalMs / 1000} s`);
  return `metrics go to ${places.join(', ')}`;
}
