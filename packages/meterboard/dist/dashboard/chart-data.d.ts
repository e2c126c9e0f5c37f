import type { LatencyBar } from '../collect/latency-histogram.js';
import type { RouteStats, SeriesPoint } from '../query/stats-types.js';
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
export declare function toRateRows(points: readonly SeriesPoint[]): RateRow[];
/** Rows for the latency chart, seconds turned into milliseconds. */
export declare function toLatencyRows(points: readonly SeriesPoint[]): LatencyRow[];
/** One row of the error-rate chart: percent (0..100) of the step's requests that were errors; null without requests. */
export interface ErrorRateRow {
    time: number;
    errorPercent: number | null;
}
/** Rows for the error-rate chart, ratios turned into percent. */
export declare function toErrorRateRows(points: readonly SeriesPoint[]): ErrorRateRow[];
/** One bar of the latency distribution chart: `count` requests that took from `lower` to `upper` seconds. */
export interface DistributionRow {
    /** The bar's range, e.g. "9.51 ms – 10.4 ms". */
    range: string;
    lower: number;
    upper: number;
    count: number;
}
/** Rows for the latency distribution chart, each labelled with its range. */
export declare function toDistributionRows(bars: readonly LatencyBar[]): DistributionRow[];
/** One row of a route's status code breakdown: a status code (or "none"), its requests and their share (0..1). */
export interface StatusCodeRow {
    code: string;
    count: number;
    share: number;
}
/** Rows of the status code breakdown: by code, lowest first, so rows keep their place while the counts move; "none" last. */
export declare function toStatusCodeRows(statusCodes: Readonly<Record<string, number>>): StatusCodeRow[];
/** Columns the routes table can be sorted by. */
export type RouteSortKey = 'method' | 'route' | 'requests' | 'requestsPerSecond' | 'errorRate' | 'p50' | 'p95' | 'p99';
/** Sort order of the routes table. */
export interface RouteSort {
    key: RouteSortKey;
    direction: 'ascending' | 'descending';
}
/** A sorted copy of the routes; rows without a value for the key (no requests) always go last. */
export declare function sortRoutes(routes: readonly RouteStats[], { key, direction }: RouteSort): RouteStats[];
/** Label of a route row: the template, or what a null route stands for. */
export declare function routeLabel(route: string | null): string;
/** Shown for requests that matched no route. */
export declare const UNMATCHED_ROUTE_LABEL = "(unmatched)";
