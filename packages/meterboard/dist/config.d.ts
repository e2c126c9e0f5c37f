import 'server-only';
import { type Exporters } from './export/exporter-config.js';
export { DEFAULT_DASHBOARD_PATH, METRICS_PATH } from './paths.js';
/** Who may read the telemetry: parsed on its own, so that another bad variable never opens or closes it. */
export interface AccessConfig {
    /**
     * METRICS_AUTH_TOKEN: the bearer token that /metrics, /api/stats and the dashboard then require;
     * undefined when unset. See lib/access/access-policy.ts for who may read what.
     */
    authToken: string | undefined;
    /** METRICS_PUBLIC=true: the dashboard and /api/stats answer anyone under `next start` when no token is set. */
    publicDashboard: boolean;
    /** NODE_ENV=development, which `next dev` sets: the dashboard is open unless a token is set. */
    development: boolean;
}
/** Meterboard's settings, read once from the environment. */
export interface Config extends AccessConfig {
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
export type DataSource = {
    kind: 'process';
}
/** METRICS_SOURCE or a PROMETHEUS_* variable is malformed: /api/stats answers 503 with `reason`, the rest works. */
 | {
    kind: 'unusable';
    reason: string;
} | {
    kind: 'prometheus';
    /** PROMETHEUS_URL: the server's base URL, e.g. http://prometheus:9090. */
    url: string;
    /** PROMETHEUS_SELECTOR: label matchers of this app's series; default job="meterboard" (deploy/prometheus.yml). */
    selector: string;
    /** PROMETHEUS_SCRAPE_INTERVAL: seconds between scrapes (default 15), so that rates span enough of them. */
    scrapeIntervalSeconds: number;
};
/** Thrown for a malformed environment variable; the message names the variable and the fix. */
export declare class ConfigError extends Error {
    name: string;
}
/** Parses the environment into a Config; throws a ConfigError naming the first bad variable. */
export declare function parseConfig(env: Record<string, string | undefined>): Config;
/** Parses the access variables alone; throws a ConfigError naming a bad one (never quoting the token). */
export declare function parseAccessConfig(env: Record<string, string | undefined>, warnings?: string[]): AccessConfig;
/** The process's Config, parsed from process.env on first use; throws a ConfigError. */
export declare function getConfig(): Config;
/**
 * The process's AccessConfig, or the ConfigError of a bad access variable, which the caller must
 * treat as "nobody": a mistyped token never leaves the dashboard open.
 */
export declare function readAccessConfig(): AccessConfig | ConfigError;
/**
 * The process's Config, or the ConfigError that turns metrics off, logged once: a bad variable
 * turns metrics off, loudly, but never takes the app down with it.
 */
export declare function readConfig(): Config | ConfigError;
/** Shortest METRICS_AUTH_TOKEN accepted, characters: 16 random hex digits are 64 bits. */
export declare const MIN_AUTH_TOKEN_LENGTH = 16;
