import type { LatencyBar } from '../collect/latency-histogram.js';
import { NO_STATUS } from '../query/status-codes.js';
import type { RouteStats, SeriesPoint } from '../query/stats-types.js';
import { formatSeconds } from './format.js';

/** One row of the request-rate chart: requests per second by status class. */
export interface RateRow {
  time: number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
}

/** One row of the latency chart, in milliseconds (null where the interval had no request). */
export interface LatencyRow {
  time: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
}

/** Rows for the request-rate chart. */
export function toRateRows(points: readonly SeriesPoint[]): RateRow[] {
  return points.map(({ time, requestsPerSecond }) => ({ time, ...requestsPerSecond }));
}

/** Rows for the latency chart, seconds turned into milliseconds. */
export function toLatencyRows(points: readonly SeriesPoint[]): LatencyRow[] {
  return points.map(({ time, durationSeconds: { p50, p90, p99 } }) => ({
    time,
    p50: toMilliseconds(p50),
    p90: toMilliseconds(p90),
    p99: toMilliseconds(p99),
  }));
}

/**
 * True when the rows hold exactly one value for `key`: a line through one point draws nothing,
 * so that point needs a dot (the first request's step, a route hit once).
 */
export function isSingleValue(rows: ReadonlyArray<Record<string, unknown>>, key: string): boolean {
  let values = 0;
  for (const row of rows) if (row[key] !== null && row[key] !== undefined && ++values > 1) return false;
  return values === 1;
}

/** One row of the error-rate chart: percent (0..100) of the step's requests that were errors; null without requests. */
export interface ErrorRateRow {
  time: number;
  errorPercent: number | null;
}

/** Rows for the error-rate chart, ratios turned into percent. */
export function toErrorRateRows(points: readonly SeriesPoint[]): ErrorRateRow[] {
  return points.map(({ time, errorRate }) => ({ time, errorPercent: errorRate === null ? null : errorRate * 100 }));
}

/** One bar of the latency distribution chart: `count` requests that took from `lower` to `upper` seconds. */
export interface DistributionRow {
  /** The bar's range, e.g. "9.51 ms – 10.4 ms". */
  range: string;
  lower: number;
  upper: number;
  count: number;
}

/** Rows for the latency distribution chart, each labelled with its range. */
export function toDistributionRows(bars: readonly LatencyBar[]): DistributionRow[] {
  return bars.map(({ lower, upper, count }) => ({
    range: lower === upper ? formatSeconds(lower) : `${formatSeconds(lower)} – ${formatSeconds(upper)}`,
    lower,
    upper,
    count,
  }));
}

/** One row of a route's status code breakdown: a status code (or "none"), its requests and their share (0..1). */
export interface StatusCodeRow {
  code: string;
  count: number;
  share: number;
}

/** Rows of the status code breakdown: by code, lowest first, so rows keep their place while the counts move; "none" last. */
export function toStatusCodeRows(statusCodes: Readonly<Record<string, number>>): StatusCodeRow[] {
  const total = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return Object.entries(statusCodes)
    .sort(([a], [b]) => codeOrder(a) - codeOrder(b))
    .map(([code, count]) => ({ code, count, share: total > 0 ? count / total : 0 }));
}

function codeOrder(code: string): number {
  return code === NO_STATUS ? Number.POSITIVE_INFINITY : Number(code);
}

/** Columns the routes table can be sorted by. */
export type RouteSortKey = 'method' | 'route' | 'requests' | 'requestsPerSecond' | 'errorRate' | 'p50' | 'p95' | 'p99';

/** Sort order of the routes table. */
export interface RouteSort {
  key: RouteSortKey;
  direction: 'ascending' | 'descending';
}

/** A sorted copy of the routes; rows without a value for the key (no requests) always go last. */
export function sortRoutes(routes: readonly RouteStats[], { key, direction }: RouteSort): RouteStats[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...routes].sort((a, b) => {
    const left = sortValue(a, key);
    const right = sortValue(b, key);
    if (left === right) return 0;
    if (left === null) return 1;
    if (right === null) return -1;
    return (left < right ? -1 : 1) * sign;
  });
}

/** Label of a route row: the template, or what a null route stands for. */
export function routeLabel(route: string | null): string {
  return route ?? UNMATCHED_ROUTE_LABEL;
}

/** Shown for requests that matched no route. */
export const UNMATCHED_ROUTE_LABEL = '(unmatched)';

function sortValue(row: RouteStats, key: RouteSortKey): string | number | null {
  switch (key) {
    case 'method':
      return row.method;
    case 'route':
      return routeLabel(row.route);
    case 'p50':
    case 'p95':
    case 'p99':
      return row.durationSeconds[key];
    default:
      return row[key];
  }
}

function toMilliseconds(seconds: number | null): number | null {
  return seconds === null ? null : seconds * 1000;
}
