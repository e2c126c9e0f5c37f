import { type LatencyBar, type LatencyHistogram } from '../collect/latency-histogram.js';
import type { DurationPercentiles } from './stats-types.js';
/** Calls, errors and durations of the latency series added to it over a window. */
export declare class LatencyAccumulator {
    protected requests: number;
    private errors;
    private latency;
    /** Copies what `from` added up into this (empty) accumulator; `from` is not changed. */
    protected copyFrom(from: LatencyAccumulator): this;
    /** Counts a series' calls of one frame, as errors if it has an error.type, and their durations. */
    add(series: {
        readonly errorType: string | undefined;
        readonly latency: LatencyHistogram;
    }): void;
    /** The durations of every call added, as at most `maxBars` bars (see latencyDistribution). */
    latencyDistribution(maxBars: number): LatencyBar[];
    /** Calls, rate, error rate and percentiles of what was added, over `seconds` of history. */
    protected summary(seconds: number): {
        requests: number;
        requestsPerSecond: number;
        errorRate: number | null;
        durationSeconds: DurationPercentiles;
    };
}
