import type { Attributes, HrTime } from '@opentelemetry/api';
import type { DataPoint, Histogram } from '@opentelemetry/sdk-metrics';
/**
 * One series of a cumulative explicit-bucket histogram: what the SDK's HistogramAccumulation keeps,
 * with the same bucket rule (bucket i counts values in (boundaries[i-1], boundaries[i]], the last
 * one the rest), min/max and NaN handling, for series whose attributes are looked up once and kept.
 */
export declare class ExplicitHistogram {
    private readonly boundaries;
    readonly attributes: Attributes;
    private readonly startTime;
    count: number;
    sum: number;
    min: number;
    max: number;
    private readonly bucketCounts;
    constructor(boundaries: readonly number[], attributes: Attributes, startTime: HrTime);
    /** Adds one value; NaN is ignored, as the SDK does. */
    record(value: number): void;
    /** The series as the SDK reports a cumulative histogram point; a copy, so later recordings do not change it. */
    toDataPoint(endTime: HrTime): DataPoint<Histogram>;
}
