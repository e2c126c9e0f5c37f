// The PromQL that draws each of the dashboard's numbers from what /metrics exports: the one place
// that knows the exported names, used by the Prometheus data source (lib/query/prometheus-stats.ts),
// by each chart's "PromQL" disclosure, and mirrored by deploy/grafana-dashboard.json and
// deploy/alerts.yml (e2e/prometheus-backend.spec.ts runs them all against a real Prometheus).
// Pure string building: importable by client components.

import { METER_NAME } from '../meter-name.js';

/** Prometheus names of meterboard's series (the exporter's translation of the OpenTelemetry names). */
export const PROMETHEUS_NAMES = {
  requestDurationCount: 'http_server_request_duration_seconds_count',
  requestDurationBucket: 'http_server_request_duration_seconds_bucket',
  activeRequests: 'http_server_active_requests',
  serverActionDurationCount: 'next_server_action_duration_seconds_count',
  serverActionDurationBucket: 'next_server_action_duration_seconds_bucket',
  clientRequestDurationCount: 'http_client_request_duration_seconds_count',
  clientRequestDurationBucket: 'http_client_request_duration_seconds_bucket',
} as const;

/** Label names of the outgoing calls' grouping: the host and port called. */
export const HOST_LABELS = ['server_address', 'server_port'] as const;

/** Label matchers every query starts from, e.g. `job="meterboard"`; empty for every series. */
export type Selector = string;

/** The selector of deploy/prometheus.yml's job: the default PROMETHEUS_SELECTOR, and the one the charts' PromQL uses. */
export const DEFAULT_SELECTOR: Selector = 'job="meterboard"';

/** `label="value"` with the value escaped as a PromQL string. */
export function labelMatcher(label: string, value: string): string {
  return `${label}=${JSON.stringify(value)}`;
}

/** What a chart's PromQL is scoped by: label matchers and the range its rates are taken over. */
export interface PromqlScope {
  selector: Selector;
  range: string;
}

/** Seconds between Prometheus's scrapes unless told otherwise: the default of deploy/prometheus.yml and of PROMETHEUS_SCRAPE_INTERVAL. */
export const DEFAULT_SCRAPE_INTERVAL_S = 15;

/**
 * The range a chart's rates are taken over, as Grafana's $__rate_interval
 * (https://github.com/grafana/grafana/pull/77234): the step plus one scrape, so consecutive points
 * share a sample and no increase falls between them, and at least four scrapes, so one missed or
 * not yet ingested scrape still leaves two samples
 * (https://www.robustperception.io/what-range-should-i-use-with-rate).
 */
export function rateRange(stepSeconds: number, scrapeIntervalSeconds = DEFAULT_SCRAPE_INTERVAL_S): string {
  return promqlDuration(Math.max(stepSeconds + scrapeIntervalSeconds, 4 * scrapeIntervalSeconds));
}

/** Label names of the grouping dimensions, as exported. */
export const ROUTE_LABELS = ['http_request_method', 'http_route'] as const;

/**
 * Selects meterboard's own series: /metrics merges same-named families of every meter in the
 * process, so another instrumentation's http.server.request.duration would otherwise count twice.
 */
export const OWN_SERIES = labelMatcher('otel_scope_name', METER_NAME);

// The selector, meterboard's scope and `more`, as one label matcher list.
// Requests Next refused before the app ran (record/framework-rejection.ts): anyone can send them,
// so no error ratio counts them, neither as errors nor as requests.
const NOT_REJECTED = 'error_type!~"rejected[.].+"';
const REJECTED = 'error_type=~"rejected[.].+"';
const ERROR = 'error_type!=""';

function matchers(selector: Selector, ...more: string[]): string {
  return `{${[selector, OWN_SERIES, ...more].filter((matcher) => matcher !== '').join(',')}}`;
}

function by(labels: readonly string[]): string {
  return labels.length === 0 ? '' : ` by (${labels.join(', ')})`;
}

/** Requests per second over `range` (a PromQL duration such as `5m`), summed, optionally by `labels`, of the series `more` matchers pick. */
export function requestRate(selector: Selector, range: string, labels: readonly string[] = [], ...more: string[]): string {
  return `sum${by(labels)} (rate(${PROMETHEUS_NAMES.requestDurationCount}${matchers(selector, ...more)}[${range}]))`;
}

/** Requests per second by status class (`status_class` = 2xx … 5xx). */
export function requestRateByStatusClass(selector: Selector, range: string): string {
  const rate = `rate(${PROMETHEUS_NAMES.requestDurationCount}${matchers(selector)}[${range}])`;
  return `sum by (status_class) (label_replace(${rate}, "status_class", "\${1}xx", "http_response_status_code", "([1-5])[0-9][0-9]"))`;
}

/**
 * Share of requests that were errors: error.type is set exactly for them (the status code on a 5xx,
 * `aborted` for a client that left), per the HTTP semantic conventions; requests Next refused
 * before the app ran are left out of both sides.
 */
export function errorRatio(selector: Selector, range: string, labels: readonly string[] = []): string {
  const served = requestRate(selector, range, labels, NOT_REJECTED);
  return `(${requestRate(selector, range, labels, ERROR, NOT_REJECTED)} or ${served} * 0) / ${served}`;
}

/** The q-quantile (0..1) of request durations in seconds, interpolated in the buckets. */
export function latencyQuantile(q: number, selector: Selector, range: string, labels: readonly string[] = []): string {
  return `histogram_quantile(${q}, sum${by(['le', ...labels])} (rate(${PROMETHEUS_NAMES.requestDurationBucket}${matchers(selector)}[${range}])))`;
}

/** Requests completed since each process started, summed: exact, unlike an increase over a range. */
export function requestsSinceStart(selector: Selector, labels: readonly string[] = []): string {
  return `sum${by(labels)} (${PROMETHEUS_NAMES.requestDurationCount}${matchers(selector)})`;
}

/** Requests over `range`, as Prometheus extrapolates an increase. */
export function requestsIncrease(selector: Selector, range: string, labels: readonly string[] = []): string {
  return `sum${by(labels)} (increase(${PROMETHEUS_NAMES.requestDurationCount}${matchers(selector)}[${range}]))`;
}

/** Requests that were errors (error.type set, Next's rejections aside) over `range`, as Prometheus extrapolates an increase. */
export function errorsIncrease(selector: Selector, range: string, labels: readonly string[] = []): string {
  return `sum${by(labels)} (increase(${PROMETHEUS_NAMES.requestDurationCount}${matchers(selector, ERROR, NOT_REJECTED)}[${range}]))`;
}

/** Requests Next refused before the app ran (error.type rejected.*) over `range`. */
export function rejectedIncrease(selector: Selector, range: string, labels: readonly string[] = []): string {
  return `sum${by(labels)} (increase(${PROMETHEUS_NAMES.requestDurationCount}${matchers(selector, REJECTED)}[${range}]))`;
}

/** Requests being served right now, summed over instances. */
export function inFlight(selector: Selector, labels: readonly string[] = []): string {
  return `sum${by(labels)} (${PROMETHEUS_NAMES.activeRequests}${matchers(selector)})`;
}

/** Server action calls over `range`, by exported name and file, those Next refused left out; only the failed ones with `errorsOnly`. */
export function serverActionIncrease(selector: Selector, range: string, errorsOnly = false): string {
  const selected = errorsOnly ? matchers(selector, ERROR, NOT_REJECTED) : matchers(selector, NOT_REJECTED);
  return `sum by (code_function_name, code_file_path) (increase(${PROMETHEUS_NAMES.serverActionDurationCount}${selected}[${range}]))`;
}

/** The q-quantile of server action durations in seconds, by name and file. */
export function serverActionQuantile(q: number, selector: Selector, range: string): string {
  return `histogram_quantile(${q}, sum by (le, code_function_name, code_file_path) (rate(${PROMETHEUS_NAMES.serverActionDurationBucket}${matchers(selector)}[${range}])))`;
}

/** Outgoing calls (http.client.request.duration) in `range`, by host and port; only the failed ones (an error.type: a status of 400 or more, or no response) with `errorsOnly`. */
export function outgoingIncrease(selector: Selector, range: string, errorsOnly = false): string {
  const selected = errorsOnly ? matchers(selector, ERROR) : matchers(selector);
  return `sum by (${HOST_LABELS.join(', ')}) (increase(${PROMETHEUS_NAMES.clientRequestDurationCount}${selected}[${range}]))`;
}

/** The q-quantile of outgoing call durations in seconds, by host and port. */
export function outgoingQuantile(q: number, selector: Selector, range: string): string {
  return `histogram_quantile(${q}, sum by (le, ${HOST_LABELS.join(', ')}) (rate(${PROMETHEUS_NAMES.clientRequestDurationBucket}${matchers(selector)}[${range}])))`;
}

/** 1 for each scraped instance that answered its last scrape, 0 for each that did not. */
export function instancesUp(selector: Selector): string {
  return selector === '' ? 'up' : `up{${selector}}`;
}

/** A PromQL duration for `seconds`, e.g. 300 → `5m`, 90 → `90s`. */
export function promqlDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
