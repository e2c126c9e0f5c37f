/** Prometheus names of meterboard's series (the exporter's translation of the OpenTelemetry names). */
export declare const PROMETHEUS_NAMES: {
    readonly requestDurationCount: "http_server_request_duration_seconds_count";
    readonly requestDurationBucket: "http_server_request_duration_seconds_bucket";
    readonly activeRequests: "http_server_active_requests";
    readonly serverActionDurationCount: "next_server_action_duration_seconds_count";
    readonly serverActionDurationBucket: "next_server_action_duration_seconds_bucket";
};
/** Label matchers every query starts from, e.g. `job="meterboard"`; empty for every series. */
export type Selector = string;
/** The selector of deploy/prometheus.yml's job: the default PROMETHEUS_SELECTOR, and the one the charts' PromQL uses. */
export declare const DEFAULT_SELECTOR: Selector;
/** `label="value"` with the value escaped as a PromQL string. */
export declare function labelMatcher(label: string, value: string): string;
/** What a chart's PromQL is scoped by: label matchers and the range its rates are taken over. */
export interface PromqlScope {
    selector: Selector;
    range: string;
}
/** Seconds between Prometheus's scrapes unless told otherwise: the default of deploy/prometheus.yml and of PROMETHEUS_SCRAPE_INTERVAL. */
export declare const DEFAULT_SCRAPE_INTERVAL_S = 15;
/**
 * The range a chart's rates are taken over, as Grafana's $__rate_interval
 * (https://github.com/grafana/grafana/pull/77234): the step plus one scrape, so consecutive points
 * share a sample and no increase falls between them, and at least four scrapes, so one missed or
 * not yet ingested scrape still leaves two samples
 * (https://www.robustperception.io/what-range-should-i-use-with-rate).
 */
export declare function rateRange(stepSeconds: number, scrapeIntervalSeconds?: number): string;
/** Label names of the grouping dimensions, as exported. */
export declare const ROUTE_LABELS: readonly ["http_request_method", "http_route"];
/**
 * Selects meterboard's own series: /metrics merges same-named families of every meter in the
 * process, so another instrumentation's http.server.request.duration would otherwise count twice.
 */
export declare const OWN_SERIES: string;
/** Requests per second over `range` (a PromQL duration such as `5m`), summed, optionally by `labels`. */
export declare function requestRate(selector: Selector, range: string, labels?: readonly string[]): string;
/** Requests per second by status class (`status_class` = 2xx … 5xx). */
export declare function requestRateByStatusClass(selector: Selector, range: string): string;
/**
 * Share of requests that were errors: error.type is set exactly for them (the status code on a 5xx,
 * `aborted` for a client that left), per the HTTP semantic conventions.
 */
export declare function errorRatio(selector: Selector, range: string, labels?: readonly string[]): string;
/** The q-quantile (0..1) of request durations in seconds, interpolated in the buckets. */
export declare function latencyQuantile(q: number, selector: Selector, range: string, labels?: readonly string[]): string;
/** Requests completed since each process started, summed: exact, unlike an increase over a range. */
export declare function requestsSinceStart(selector: Selector, labels?: readonly string[]): string;
/** Requests over `range`, as Prometheus extrapolates an increase. */
export declare function requestsIncrease(selector: Selector, range: string, labels?: readonly string[]): string;
/** Requests that were errors (error.type set) over `range`, as Prometheus extrapolates an increase. */
export declare function errorsIncrease(selector: Selector, range: string, labels?: readonly string[]): string;
/** Requests being served right now, summed over instances. */
export declare function inFlight(selector: Selector, labels?: readonly string[]): string;
/** Server action calls over `range`, by exported name and file; only the failed ones with `errorsOnly`. */
export declare function serverActionIncrease(selector: Selector, range: string, errorsOnly?: boolean): string;
/** The q-quantile of server action durations in seconds, by name and file. */
export declare function serverActionQuantile(q: number, selector: Selector, range: string): string;
/** 1 for each scraped instance that answered its last scrape, 0 for each that did not. */
export declare function instancesUp(selector: Selector): string;
/** A PromQL duration for `seconds`, e.g. 300 → `5m`, 90 → `90s`. */
export declare function promqlDuration(seconds: number): string;
