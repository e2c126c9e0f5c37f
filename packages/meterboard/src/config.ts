import 'server-only';
import { parseExporters, type Exporters } from './export/exporter-config.js';
import { logOnce } from './log-once.js';
import { isNextDevServer } from './next-dev.js';
import { effectiveEnvironment } from './options.js';
import { DEFAULT_DASHBOARD_PATH, METRICS_PATH } from './paths.js';
import { DEFAULT_SCRAPE_INTERVAL_S, DEFAULT_SELECTOR } from './promql/queries.js';

/** Who may read the telemetry: parsed on its own, so that another bad variable never opens or closes it. */
export interface AccessConfig {
  /**
   * METRICS_AUTH_TOKEN: the bearer token that /metrics, /api/stats and the dashboard then require;
   * undefined when unset. See lib/access/access-policy.ts for who may read what.
   */
  authToken: string | undefined;
  /** METRICS_PUBLIC=true: the dashboard and /api/stats answer anyone under `next start` when no token is set. */
  publicDashboard: boolean;
  /** The server is `next dev` (next-dev.ts, never NODE_ENV alone): the dashboard is open unless a token is set. */
  development: boolean;
  /** NODE_ENV as the server got it, so the log can say why NODE_ENV=development under next start stays private. */
  nodeEnv: string | undefined;
  /** METRICS_SESSION_MAX_AGE: how long a dashboard sign-in lasts, seconds (default 8 hours). */
  sessionMaxAgeS: number;
  /** Values that were understood but deserve a line in the log. */
  warnings: readonly string[];
}

/** Default lifetime of a dashboard sign-in, seconds: a working day. */
export const DEFAULT_SESSION_MAX_AGE_S = 8 * 60 * 60;

/**
 * Meterboard's settings besides access, read once from the environment. A bad access variable
 * (AccessConfig, parsed on its own) closes the dashboard but never stops the recording.
 */
export interface Config {
  /** OTEL_SDK_DISABLED=true: no provider, no patching, no sampling; endpoints answer 503. */
  disabled: boolean;
  /**
   * METRICS_DASHBOARD_PATH: where the dashboard's pages and JSON endpoints live (default /meterboard),
   * under the app's basePath.
   */
  dashboardPath: string;
  /**
   * Path prefixes never measured (without basePath): a path is excluded when it is one of them or
   * lies below one. By default the dashboard's path and /metrics, so an idle dashboard shows an idle app.
   */
  excludedPaths: readonly string[];
  /**
   * METRICS_REQUEST_ATTRIBUTES=true: every request runs in an AsyncLocalStorage context, so that
   * setRequestAttributes and withRouteMetrics can find it. Off by default: on Node 20 the context
   * costs about 9 µs of CPU per request (async_hooks propagation), more than all the rest.
   */
  requestAttributes: boolean;
  /** METRICS_CARDINALITY_LIMIT: series per instrument, the otel.metric.overflow one included; undefined for the SDK's default (2000). */
  cardinalityLimit: number | undefined;
  /** OTEL_METRICS_EXPORTER: where metrics go besides the dashboard. */
  exporters: Exporters;
  /** METRICS_SOURCE: where /api/stats reads its numbers. */
  source: DataSource;
  /** Values that were understood but deserve a line in the log. */
  warnings: readonly string[];
}

/**
 * Where /api/stats reads: this process's own history (`process`, the default), or a Prometheus
 * server that scrapes every instance (`prometheus`, with PROMETHEUS_URL).
 */
export type DataSource =
  | { kind: 'process' }
  /** METRICS_SOURCE or a PROMETHEUS_* variable is malformed: /api/stats answers 503 with `reason`, the rest works. */
  | { kind: 'unusable'; reason: string }
  | {
      kind: 'prometheus';
      /** PROMETHEUS_URL: the server's base URL, e.g. http://prometheus:9090. */
      url: string;
      /** PROMETHEUS_SELECTOR: label matchers of this app's series; default job="meterboard" (deploy/prometheus.yml). */
      selector: string;
      /** PROMETHEUS_SCRAPE_INTERVAL: seconds between scrapes (default 15), so that rates span enough of them. */
      scrapeIntervalSeconds: number;
    };

/** Thrown for a malformed environment variable; the message names the variable and the fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment into a Config; throws a ConfigError naming the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const warnings: string[] = [];
  const dashboardPath = parseDashboardPath(env, 'METRICS_DASHBOARD_PATH');
  return {
    disabled: parseOtelBoolean(env, 'OTEL_SDK_DISABLED', warnings),
    dashboardPath,
    excludedPaths: parsePathList(env, 'METRICS_EXCLUDE_PATHS', [dashboardPath, METRICS_PATH]),
    requestAttributes: parseOtelBoolean(env, 'METRICS_REQUEST_ATTRIBUTES', warnings),
    cardinalityLimit: parseCardinalityLimit(env, 'METRICS_CARDINALITY_LIMIT'),
    exporters: parseExporters(env, warnings),
    source: parseDataSource(env, warnings),
    warnings,
  };
}

/**
 * Parses the access variables alone; throws a ConfigError naming a bad one (never quoting the
 * token). `development`: whether this server is next dev (next-dev.ts).
 */
export function parseAccessConfig(env: Record<string, string | undefined>, warnings: string[] = [], development = isNextDevServer()): AccessConfig {
  const authToken = parseAuthToken(env, 'METRICS_AUTH_TOKEN');
  const publicDashboard = parseOtelBoolean(env, 'METRICS_PUBLIC', warnings);
  if (authToken !== undefined && publicDashboard) {
    warnings.push('METRICS_PUBLIC=true has no effect while METRICS_AUTH_TOKEN is set: every telemetry endpoint and the dashboard require the token.');
  }
  const sessionMaxAgeS = parseSessionMaxAge(env, 'METRICS_SESSION_MAX_AGE', warnings);
  return { authToken, publicDashboard, development, nodeEnv: env.NODE_ENV, sessionMaxAgeS, warnings };
}

let cached: Config | undefined;
let cachedAccess: AccessConfig | undefined;

/** The process's Config, parsed from process.env on first use; throws a ConfigError. */
export function getConfig(): Config {
  cached ??= parseConfig(effectiveEnvironment());
  return cached;
}

/**
 * The process's AccessConfig, or the ConfigError of a bad access variable, which the caller must
 * treat as "nobody": a mistyped token never leaves the dashboard open (recording goes on).
 */
export function readAccessConfig(): AccessConfig | ConfigError {
  return orLoggedConfigError(
    () => (cachedAccess ??= parseAccessConfig(process.env)),
    'access-config',
    'the dashboard, its JSON endpoints and /metrics refuse everyone (requests are still recorded)',
  );
}

/**
 * The process's Config, or the ConfigError that turns metrics off, logged once: a bad variable
 * turns metrics off, loudly, but never takes the app down with it.
 */
export function readConfig(): Config | ConfigError {
  return orLoggedConfigError(getConfig, 'config', 'metrics are off');
}

// What `parse` returns, or its ConfigError, logged once under `key` after what it means.
function orLoggedConfigError<T>(parse: () => T, key: string, consequence: string): T | ConfigError {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logOnce(key, `${consequence}: ${error.message}`);
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


// A bad data source must not take /metrics down with it: /api/stats alone answers 503 with the reason.
function parseDataSource(env: Record<string, string | undefined>, warnings: string[]): DataSource {
  const kind = env.METRICS_SOURCE?.trim().toLowerCase() || 'process';
  if (kind === 'process') return { kind };
  const unusable = (reason: string): DataSource => {
    warnings.push(`the dashboard's stats endpoint answers 503: ${reason}`);
    return { kind: 'unusable', reason };
  };
  if (kind !== 'prometheus') return unusable(`METRICS_SOURCE must be "process" or "prometheus", got ${JSON.stringify(env.METRICS_SOURCE)}.`);
  const url = env.PROMETHEUS_URL?.trim() ?? '';
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || !/^https?:$/.test(parsed.protocol)) {
    return unusable('METRICS_SOURCE=prometheus needs PROMETHEUS_URL, the http(s) base URL of the Prometheus server, e.g. http://prometheus:9090.');
  }
  // The URL shows up in messages and logs: credentials have no place in it.
  if (parsed.username !== '' || parsed.password !== '') return unusable('PROMETHEUS_URL must not hold credentials (user:password@); put the server behind a network you trust.');
  const selector = env.PROMETHEUS_SELECTOR?.trim() || DEFAULT_SELECTOR;
  // Label matchers such as job="meterboard",env!="dev": no braces, no PromQL beyond them.
  if (!LABEL_MATCHERS.test(selector)) {
    return unusable(`PROMETHEUS_SELECTOR must be label matchers without braces, such as job="meterboard",env="prod"; got ${JSON.stringify(selector)}.`);
  }
  const rawInterval = env.PROMETHEUS_SCRAPE_INTERVAL?.trim();
  const scrapeIntervalSeconds = rawInterval ? Number(rawInterval) : DEFAULT_SCRAPE_INTERVAL_S;
  if (!Number.isInteger(scrapeIntervalSeconds) || scrapeIntervalSeconds < 1) {
    return unusable(`PROMETHEUS_SCRAPE_INTERVAL must be a whole number of seconds, at least 1, got ${JSON.stringify(rawInterval)}.`);
  }
  return { kind, url: parsed.origin + parsed.pathname.replace(/\/+$/, ''), selector, scrapeIntervalSeconds };
}

const LABEL_MATCHER = String.raw`\s*[a-zA-Z_][a-zA-Z0-9_]*\s*(?:=|!=|=~|!~)\s*"(?:[^"\\]|\\.)*"\s*`;
const LABEL_MATCHERS = new RegExp(`^${LABEL_MATCHER}(?:,${LABEL_MATCHER})*$`);

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
    throw new ConfigError(`${name} must be at least ${MIN_AUTH_TOKEN_LENGTH} characters; generate one with \`openssl rand -hex 32\``);
  }
  return raw;
}

const MAX_SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

// A sign-in lasts at least a minute and at most 30 days. A bad value falls back to the default with
// a warning: it says nothing about who may read, so it must not close /metrics.
function parseSessionMaxAge(env: Record<string, string | undefined>, name: string, warnings: string[]): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return DEFAULT_SESSION_MAX_AGE_S;
  const seconds = /^\d{1,8}$/.test(raw) ? Number(raw) : NaN;
  if (!(seconds >= 60 && seconds <= MAX_SESSION_MAX_AGE_S)) {
    warnings.push(`${name} must be a whole number of seconds from 60 to ${MAX_SESSION_MAX_AGE_S} (30 days), got ${JSON.stringify(env[name])}; sign-ins last the default ${DEFAULT_SESSION_MAX_AGE_S} s (8 hours).`);
    return DEFAULT_SESSION_MAX_AGE_S;
  }
  return seconds;
}

function parseDashboardPath(env: Record<string, string | undefined>, name: string): string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return DEFAULT_DASHBOARD_PATH;
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(raw)) {
    throw new ConfigError(`${name} must be a path such as /meterboard or /ops/metrics (no trailing slash, query or basePath); got "${raw}".`);
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
  // A trailing slash would only stop the prefix matching the path itself.
  return paths.map((path) => (path.length > 1 ? path.replace(/\/+$/, '') : path));
}
