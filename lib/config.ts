import 'server-only';

/**
 * Paths not measured unless METRICS_EXCLUDE_PATHS says otherwise: the dashboard and its endpoints,
 * so an idle dashboard shows an idle app.
 */
export const DEFAULT_EXCLUDED_PATHS = ['/', '/metrics', '/api/stats'] as const;

/** Meterboard's settings, read once from the environment. */
export interface Config {
  /** OTEL_SDK_DISABLED=true: no provider, no patching, no sampling; endpoints answer 503. */
  disabled: boolean;
  /** Request paths (exact, without query string) that are never measured. */
  excludedPaths: ReadonlySet<string>;
}

/** Thrown for a malformed environment variable; the message names the variable and the fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment into a Config; throws a ConfigError naming the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  return {
    disabled: parseBoolean(env, 'OTEL_SDK_DISABLED', false),
    excludedPaths: new Set(parsePathList(env, 'METRICS_EXCLUDE_PATHS', DEFAULT_EXCLUDED_PATHS)),
  };
}

let cached: Config | undefined;

/** The process's Config, parsed from process.env on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

function parseBoolean(env: Record<string, string | undefined>, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError(`${name} must be "true" or "false", got ${JSON.stringify(env[name])}`);
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
