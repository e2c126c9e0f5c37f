import type { Config } from '../config.js';
/** What a request reads: the Prometheus scrape endpoint, or the dashboard's pages and its JSON. */
export type Surface = 'metrics' | 'dashboard';
/** Who may read a surface: anyone, only holders of METRICS_AUTH_TOKEN, or nobody until one of the two is configured. */
export type AccessRule = 'open' | 'token' | 'unconfigured';
type AccessConfig = Pick<Config, 'authToken' | 'publicDashboard' | 'development'>;
/**
 * The rule for `surface`. A token protects everything. Without one, /metrics stays open (Prometheus
 * convention) and so does the dashboard under `next dev`; under `next start` the dashboard waits for
 * METRICS_AUTH_TOKEN or METRICS_PUBLIC=true, because per-route traffic is not for the public internet.
 */
export declare function accessRule(config: AccessConfig, surface: Surface): AccessRule;
/** The one line logged at start saying what this process exposes to whom. */
export declare function exposureSummary(config: AccessConfig): string;
/** What a refused client is told; the same words for a missing and a wrong token. */
export declare const ACCESS_MESSAGES: {
    readonly unauthorized: "This needs the token in METRICS_AUTH_TOKEN: send \"Authorization: Bearer <token>\", or sign in on the dashboard.";
    readonly unconfigured: "The dashboard and its JSON endpoints are private under next start. Set METRICS_AUTH_TOKEN to require a token, or METRICS_PUBLIC=true to serve them to anyone, and restart the server.";
    readonly misconfigured: "Nobody may read the telemetry until the access configuration is fixed: the server log names the variable (METRICS_AUTH_TOKEN or METRICS_PUBLIC).";
};
export {};
