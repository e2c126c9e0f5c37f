import { createLatencyHistogram, latencyDistribution, latencyQuantiles, mergeLatencyHistogram } from '../collect/latency-histogram.js';
import { perSecond } from './frame-point.js';
const QUANTILES = [0.5, 0.9, 0.95, 0.99];
/** Calls, errors and durations of the latency series added to it over a window. */
export class LatencyAccumulator {
    requests = 0;
    errors = 0;
    latency = createLatencyHistogram();
    /** Copies what `from` added up into this (empty) accumulator; `from` is not changed. */
    copyFrom(from) {
        this.requests = from.requests;
        this.errors = from.errors;
        this.latency = from.latency.clone();
        return this;
    }
    /** Counts a series' calls of one frame, as errors if it has an error.type, and their durations. */
    add(series) {
        const count = series.latency.count;
        if (count === 0)
            return;
        this.requests += count;
        if (series.errorType !== undefined)
            this.errors += count;
        mergeLatencyHistogram(this.latency, series.latency);
    }
    /** The durations of every call added, as at most `maxBars` bars (see latencyDistribution). */
    latencyDistribution(maxBars) {
        return latencyDistribution(this.latency, maxBars);
    }
    /** Calls, rate, error rate and percentiles of what was added, over `seconds` of history. */
    summary(seconds) {
        const [p50, p90, p95, p99] = latencyQuantiles(this.latency, QUANTILES);
        const durationSeconds = { p50, p90, p95, p99 };
        return {
            requests: this.requests,
            requestsPerSecond: perSecond(this.requests, seconds),
            errorRate: this.requests > 0 ? this.errors / this.requests : null,
            durationSeconds,
        };
    }
}
