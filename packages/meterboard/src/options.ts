// meterboard's settings in code, for register(options): each one is the environment variable named
// in its comment, read through the same parser (the same checks, the same messages). Kept on
// globalThis, so route bundles, which parse the configuration themselves, see what register() got.

/** What register() accepts; every setting is optional and has the default of its environment variable. */
export interface MeterboardOptions {
  /** METRICS_DASHBOARD_PATH: where the dashboard lives, without basePath (default /meterboard). */
  dashboardPath?: string;
  /** METRICS_EXCLUDE_PATHS: path prefixes never measured (default: the dashboard's path and /metrics). */
  excludePaths?: readonly string[];
  /** METRICS_CARDINALITY_LIMIT: series per instrument, the overflow series included (default 2000). */
  cardinalityLimit?: number;
  /** METRICS_REQUEST_ATTRIBUTES: let setRequestAttributes and withRouteMetrics add attributes (default false). */
  requestAttributes?: boolean;
}

const OPTIONS_KEY = Symbol.for('meterboard.options');
type OptionsGlobal = typeof globalThis & { [OPTIONS_KEY]?: Record<string, string> };

/** Keeps `options` for this process's configuration, as the environment variables they stand for. */
export function setOptions(options: MeterboardOptions): void {
  const variables: Record<string, string> = {};
  if (options.dashboardPath !== undefined) variables.METRICS_DASHBOARD_PATH = options.dashboardPath;
  if (options.excludePaths !== undefined) variables.METRICS_EXCLUDE_PATHS = options.excludePaths.join(',');
  if (options.cardinalityLimit !== undefined) variables.METRICS_CARDINALITY_LIMIT = String(options.cardinalityLimit);
  if (options.requestAttributes !== undefined) variables.METRICS_REQUEST_ATTRIBUTES = String(options.requestAttributes);
  (globalThis as OptionsGlobal)[OPTIONS_KEY] = variables;
}

/**
 * The environment the configuration is parsed from: process.env, with what register(options) set
 * in place of the variables it stands for (code wins, as in the OpenTelemetry SDKs).
 */
export function effectiveEnvironment(): Record<string, string | undefined> {
  const options = (globalThis as OptionsGlobal)[OPTIONS_KEY];
  return options === undefined ? process.env : { ...process.env, ...options };
}
