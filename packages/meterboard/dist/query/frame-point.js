import { createLatencyHistogram, latencyQuantiles, mergeLatencyHistogram } from '../collect/latency-histogram.js';
import { statusClassOf } from './status-codes.js';
const CHART_QUANTILES = [0.5, 0.9, 0.99];
/**
 * The chart point of a frame: requests per second by status class, error rate and latency
 * percentiles of the series `include` accepts (all of them by default). Pure.
 */
export function framePoint(frame, partial, include = () => true) {
    const counts = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    const latency = createLatencyHistogram();
    let requests = 0;
    let errors = 0;
    for (const series of frame.http.values()) {
        if (!include(series))
            continue;
        const count = series.latency.count;
        const statusClass = statusClassOf(series.status);
        if (statusClass)
            counts[statusClass] += count;
        requests += count;
        if (series.errorType !== undefined)
            errors += count;
        mergeLatencyHistogram(latency, series.latency);
    }
    const [p50, p90, p99] = latencyQuantiles(latency, CHART_QUANTILES);
    return {
        time: frame.start,
        seconds: frame.seconds,
        partial,
        requestsPerSecond: {
            '2xx': perSecond(counts['2xx'], frame.seconds),
            '3xx': perSecond(counts['3xx'], frame.seconds),
            '4xx': perSecond(counts['4xx'], frame.seconds),
            '5xx': perSecond(counts['5xx'], frame.seconds),
        },
        errorRate: requests > 0 ? errors / requests : null,
        durationSeconds: { p50, p90, p99 },
        activeRequests: frame.activeRequests,
    };
}
/** count / seconds, 0 for an empty interval. */
export function perSecond(count, seconds) {
    return seconds > 0 ? count / seconds : 0;
}
