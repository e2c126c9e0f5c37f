import { NO_STATUS } from '../query/status-codes.js';
import { formatSeconds } from './format.js';
/** Rows for the request-rate chart. */
export function toRateRows(points) {
    return points.map(({ time, requestsPerSecond }) => ({ time, ...requestsPerSecond }));
}
/** Rows for the latency chart, seconds turned into milliseconds. */
export function toLatencyRows(points) {
    return points.map(({ time, durationSeconds: { p50, p90, p99 } }) => ({
        time,
        p50: toMilliseconds(p50),
        p90: toMilliseconds(p90),
        p99: toMilliseconds(p99),
    }));
}
/** Rows for the error-rate chart, ratios turned into percent. */
export function toErrorRateRows(points) {
    return points.map(({ time, errorRate }) => ({ time, errorPercent: errorRate === null ? null : errorRate * 100 }));
}
/** Rows for the latency distribution chart, each labelled with its range. */
export function toDistributionRows(bars) {
    return bars.map(({ lower, upper, count }) => ({
        range: lower === upper ? formatSeconds(lower) : `${formatSeconds(lower)} – ${formatSeconds(upper)}`,
        lower,
        upper,
        count,
    }));
}
/** Rows of the status code breakdown: by code, lowest first, so rows keep their place while the counts move; "none" last. */
export function toStatusCodeRows(statusCodes) {
    const total = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
    return Object.entries(statusCodes)
        .sort(([a], [b]) => codeOrder(a) - codeOrder(b))
        .map(([code, count]) => ({ code, count, share: total > 0 ? count / total : 0 }));
}
function codeOrder(code) {
    return code === NO_STATUS ? Number.POSITIVE_INFINITY : Number(code);
}
/** A sorted copy of the routes; rows without a value for the key (no requests) always go last. */
export function sortRoutes(routes, { key, direction }) {
    const sign = direction === 'ascending' ? 1 : -1;
    return [...routes].sort((a, b) => {
        const left = sortValue(a, key);
        const right = sortValue(b, key);
        if (left === right)
            return 0;
        if (left === null)
            return 1;
        if (right === null)
            return -1;
        return (left < right ? -1 : 1) * sign;
    });
}
/** Label of a route row: the template, or what a null route stands for. */
export function routeLabel(route) {
    return route ?? UNMATCHED_ROUTE_LABEL;
}
/** Shown for requests that matched no route. */
export const UNMATCHED_ROUTE_LABEL = '(unmatched)';
function sortValue(row, key) {
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
function toMilliseconds(seconds) {
    return seconds === null ? null : seconds * 1000;
}
