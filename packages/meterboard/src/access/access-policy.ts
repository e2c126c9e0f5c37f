import type { AccessConfig as ParsedAccessConfig } from '../config.js';

/** What a request reads: the Prometheus scrape endpoint, or the dashboard's pages and its JSON. */
export type Surface = 'metrics' | 'dashboard';

/** Who may read a surface: anyone, only holders of METRICS_AUTH_TOKEN, or nobody until one of the two is configured. */
export type AccessRule = 'open' | 'token' | 'unconfigured';

type AccessConfig = Pick<ParsedAccessConfig, 'authToken' | 'publicDashboard' | 'development' | 'nodeEnv'>;

/**
 * The rule for `surface`. A token protects everything. Without one, /metrics stays open (Prometheus
 * convention) and so does the dashboard under `next dev`; under `next start` the dashboard waits for
 * METRICS_AUTH_TOKEN or METRICS_PUBLIC=true, because per-route traffic is not for the public internet.
 */
export function accessRule(config: AccessConfig, surface: Surface): AccessRule {
  if (config.authToken !== undefined) return 'token';
  if (surface === 'metrics' || config.development || config.publicDashboard) return 'open';
  return 'unconfigured';
}

/** The one line logged at start saying what this process exposes to whom. */
export function exposureSummary(config: AccessConfig): string {
  if (config.authToken !== undefined) {
    return '/metrics and the dashboard (its pages and JSON endpoints) require the token in METRICS_AUTH_TOKEN (Authorization: Bearer, or sign in on the dashboard).';
  }
  const openTo = '/metrics and the dashboard (its pages and JSON endpoints) are open to anyone';
  if (config.development) return `${openTo} (this server is next dev); set METRICS_AUTH_TOKEN to require a token.`;
  if (config.publicDashboard) return `${openTo} (METRICS_PUBLIC=true); set METRICS_AUTH_TOKEN to require a token.`;
  // NODE_ENV alone never opens the dashboard (next-dev.ts): say so to whoever set it.
  const why = config.nodeEnv === 'development' ? ' (NODE_ENV=development, but this server runs a production build, not next dev)' : '';
  return `/metrics is open to anyone; the dashboard and its JSON endpoints answer 403${why} until METRICS_AUTH_TOKEN (require a token) or METRICS_PUBLIC=true (open to anyone) is set.`;
}

/** What a refused client is told; the same words for a missing and a wrong token. */
export const ACCESS_MESSAGES = {
  unauthorized: 'This needs the token in METRICS_AUTH_TOKEN: send "Authorization: Bearer <token>", or sign in on the dashboard.',
  unconfigured:
    'The dashboard and its JSON endpoints are private under next start. Set METRICS_AUTH_TOKEN to require a token, or METRICS_PUBLIC=true to serve them to anyone, and restart the server.',
  misconfigured: 'Nobody may read the telemetry until the access configuration is fixed: the server log names the variable (METRICS_AUTH_TOKEN or METRICS_PUBLIC).',
} as const;
