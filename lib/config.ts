import 'server-only';
import { logOnce } from './log-once';

/**
 * Paths not measured unless METRICS_EXCLUDE_PATHS says otherwise: the dashboard, its route pages, the
 * explorer and their endpoints, so an idle dashboard shows an idle app.
 */
export const DEFAULT_EXCLUDED_PATHS = ['/', '/routes', '/explorer', '/metrics', '/api/stats', '/api/stats/route', '/api/stats/instrument'] as const;

/** Meterboard's settings, read once from the environment. */
export interface Config {
  /** OTEL_SDK_DISABLED=true: no provider, no patching, no sampling; endpoints answer 503. */
  disabled: boolean;
  /** Request paths (exact, without query string) that are never measured. */
  excludedPaths: ReadonlySet<string>;
  /**
   * METRICS_REQUEST_ATTRIBUTES=true: every request runs in an AsyncLocalStorage context, so that
   * setRequestAttributes and withRouteMetrics can find it. Off by default: on Node 20 the context
   * costs about 9 µs of CPU per request (async_hooks propagation), more than all the rest.
   */
  requestAttributes: boolean;
  /** METRICS_CARDINALITY_LIMIT: series per instrument, the otel.metric.overflow one included; undefined for the SDK's default (2000). */
  cardinalityLimit: number | undefined;
  /**
   * METRICS_AUTH_TOKEN: the bearer token that /metrics, /api/stats and the dashboard then require;
   * undefined when unset. See lib/access/access-policy.ts for who may read what.
   */
  authToken: string | undefined;
  /** METRICS_PUBLIC=true: the dashboard and /api/stats answer anyone under `next start` when no token is set. */
  publicDashboard: boolean;
  /** NODE_ENV=development, i.e. `next dev`: the dashboard is open unless a token is set. */
  development: boolean;
  /** OTEL_METRICS_EXPORTER: where metrics go besides the dashboard. */
  exporters: Exporters;
  /** Values that were understood but deserve a line in the log. */
  warnings: readonly string[];
}

/** OTLP push settings; the exporter itself reads OTEL_EXPORTER_OTLP_* (endpoint, headers, timeout). */
export interface OtlpConfig {
  /** OTEL_EXPORTER_OTLP_METRICS_PROTOCOL or OTEL_EXPORTER_OTLP_PROTOCOL. */
  protocol: 'http/protobuf' | 'http/json';
  /** Where the exporter sends, worked out as the exporter does, for the log. */
  endpoint: string;
  /** OTEL_METRIC_EXPORT_INTERVAL, milliseconds. */
  exportIntervalMs: number;
  /** OTEL_METRIC_EXPORT_TIMEOUT, milliseconds. */
  exportTimeoutMs: number;
}

/** The exporters OTEL_METRICS_EXPORTER names. */
export interface Exporters {
  /** `prometheus`: GET /metrics serves the text exposition. */
  prometheus: boolean;
  /** `otlp`: metrics are pushed; undefined when not named (or its protocol is unsupported). */
  otlp: OtlpConfig | undefined;
  /** `console`: metrics are printed to stdout at every export interval, for debugging. */
  console: boolean;
}

/** Thrown for a malformed environment variable; the message names the variable and the fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment into a Config; throws a ConfigError naming the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const warnings: string[] = [];
  const authToken = parseAuthToken(env, 'METRICS_AUTH_TOKEN');
  const publicDashboard = parseOtelBoolean(env, 'METRICS_PUBLIC', warnings);
  if (authToken !== undefined && publicDashboard) {
    warnings.push('METRICS_PUBLIC=true has no effect while METRICS_AUTH_TOKEN is set: every telemetry endpoint and the dashboard require the token.');
  }
  return {
    disabled: parseOtelBoolean(env, 'OTEL_SDK_DISABLED', warnings),
    excludedPaths: new Set(parsePathList(env, 'METRICS_EXCLUDE_PATHS', DEFAULT_EXCLUDED_PATHS)),
    requestAttributes: parseOtelBoolean(env, 'METRICS_REQUEST_ATTRIBUTES', warnings),
    cardinalityLimit: parseCardinalityLimit(env, 'METRICS_CARDINALITY_LIMIT'),
    authToken,
    publicDashboard,
    development: env.NODE_ENV === 'development',
    exporters: parseExporters(env, warnings),
    warnings,
  };
}

let cached: Config | undefined;

/** The process's Config, parsed from process.env on first use; throws a ConfigError. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/**
 * The process's Config, or the ConfigError that turns metrics off, logged once: a bad variable
 * turns metrics off, loudly, but never takes the app down with it.
 */
export function readConfig(): Config | ConfigError {
  try {
    return getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logOnce('config', `metrics are off: ${error.message}`);
    return error;
  }
}

// https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#boolean-value:
// only "true" (any case) is true; anything but "false" or empty is false with a warning. meterboard's
// own booleans follow the same rule.
function parseOtelBoolean(env: Record<string, string | undefined>, name: string, warnings: string[]): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === 'true') return true;
  if (raw !== undefined && raw !== '' && raw !== 'false') {
    warnings.push(`${name}=${JSON.stringify(env[name])} is read as false; set it to "true" or "false".`);
  }
  return false;
}

// Two at least: one series of its own plus the overflow one.
function parseCardinalityLimit(env: Record<string, string | undefined>, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const limit = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 2)) throw new ConfigError(`${name} must be a whole number of series per instrument, at least 2, got ${JSON.stringify(env[name])}`);
  return limit;
}

// meterboard serves /metrics by default; the specification's default, otlp, would push to a
// collector most development machines do not run.
const DEFAULT_EXPORTERS = 'prometheus';
const KNOWN_EXPORTERS = new Set(['prometheus', 'otlp', 'console', 'none']);
/** https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#periodic-exporting-metricreader */
const DEFAULT_EXPORT_INTERVAL_MS = 60_000;
const DEFAULT_EXPORT_TIMEOUT_MS = 30_000;
const DEFAULT_OTLP_BASE_ENDPOINT = 'http://localhost:4318';

function parseExporters(env: Record<string, string | undefined>, warnings: string[]): Exporters {
  const raw = env.OTEL_METRICS_EXPORTER?.trim() || DEFAULT_EXPORTERS;
  const names = new Set(
    raw
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ''),
  );
  for (const name of names) {
    if (!KNOWN_EXPORTERS.has(name)) warnings.push(`OTEL_METRICS_EXPORTER names "${name}", which meterboard does not know; it is ignored (known: prometheus, otlp, console, none).`);
  }
  return { prometheus: names.has('prometheus'), otlp: names.has('otlp') ? parseOtlp(env, warnings) : undefined, console: names.has('console') };
}

function parseOtlp(env: Record<string, string | undefined>, warnings: string[]): OtlpConfig | undefined {
  const protocolVariable = env.OTEL_EXPORTER_OTLP_METRICS_PROTOCOL?.trim() ? 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = env[protocolVariable]?.trim() || 'http/protobuf';
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    warnings.push(`OTLP export is off: ${protocolVariable}=${JSON.stringify(protocol)} is not supported; use http/protobuf or http/json.`);
    return undefined;
  }
  const exportIntervalMs = parseMilliseconds(env, 'OTEL_METRIC_EXPORT_INTERVAL', DEFAULT_EXPORT_INTERVAL_MS);
  // The reader requires timeout <= interval; like the SDK, a default timeout is clamped to a short interval.
  const exportTimeoutMs = env.OTEL_METRIC_EXPORT_TIMEOUT?.trim()
    ? parseMilliseconds(env, 'OTEL_METRIC_EXPORT_TIMEOUT', DEFAULT_EXPORT_TIMEOUT_MS)
    : Math.min(DEFAULT_EXPORT_TIMEOUT_MS, exportIntervalMs);
  if (exportTimeoutMs > exportIntervalMs) {
    throw new ConfigError(`OTEL_METRIC_EXPORT_TIMEOUT (${exportTimeoutMs} ms) must not exceed OTEL_METRIC_EXPORT_INTERVAL (${exportIntervalMs} ms)`);
  }
  return { protocol, endpoint: otlpEndpoint(env), exportIntervalMs, exportTimeoutMs };
}

// https://opentelemetry.io/docs/specs/otel/protocol/exporter/#endpoint-urls-for-otlphttp: the
// signal's own variable is used as is, the shared one gets /v1/metrics appended.
function otlpEndpoint(env: Record<string, string | undefined>): string {
  const own = env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT?.trim();
  if (own) return own;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || DEFAULT_OTLP_BASE_ENDPOINT;
  return `${base.replace(/\/+$/, '')}/v1/metrics`;
}

function parseMilliseconds(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value > 0)) throw new ConfigError(`${name} must be a whole number of milliseconds greater than 0, got ${JSON.stringify(env[name])}`);
  return value;
}

/** Shortest METRICS_AUTH_TOKEN accepted, characters: 16 random hex digits are 64 bits. */
export const MIN_AUTH_TOKEN_LENGTH = 16;

// The token travels in an Authorization header, so it must be a valid header value: visible ASCII only.
function parseAuthToken(env: Record<string, string | undefined>, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^[\x21-\x7e]+$/.test(raw)) {
    throw new ConfigError(`${name} must be printable ASCII without spaces (it is sent as "Authorization: Bearer <token>"); generate one with \`openssl rand -hex 32\``);
  }
  if (raw.length < MIN_AUTH_TOKEN_LENGTH) {
    throw new ConfigError(`${name} must be at least ${MIN_AUTH_TOKEN_LENGTH} characters, got ${raw.length}; generate one with \`openssl rand -hex 32\``);
  }
  return raw;
}

function parsePathList(
  env: Record<string, string | undefined>,
  name: string,
  fallback: readonly string[],
): string[] {
  const raw = env[name];
  if (raw === undefined) return [...fallback];
  const paths = raw
    .split(',')
    .map((path) => path.trim())
    .filter((path) => path !== '');
  for (const path of paths) {
    if (!path.startsWith('/') || path.includes('?')) {
      throw new ConfigError(
        `${name} must be a comma-separated list of paths starting with "/" and without a query string, got ${JSON.stringify(path)}`,
      );
    }
  }
  return paths;
}
