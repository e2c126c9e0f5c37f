import { type Attributes, type HrTime } from '@opentelemetry/api';
import { type CollectionResult, type HistogramMetricData, type MetricProducer } from '@opentelemetry/sdk-metrics';
import { ExplicitHistogram } from './explicit-histogram.js';
import type { RecordedSeries } from './recorded-series.js';
/** Series per histogram, the overflow series included, unless configured otherwise: the SDK's default cardinality limit. */
export declare const DEFAULT_CARDINALITY_LIMIT = 2000;
/** What a duration histogram is, as an instrument's options would say it. */
export interface DurationHistogramOptions {
    description: string;
    unit: string;
    /** Explicit bucket boundaries, ascending. */
    boundaries: readonly number[];
}
/**
 * meterboard's request and server action duration histograms, recorded through series the hot path
 * looks up once and keeps, and handed to the MetricReader as a MetricProducer
 * (https://opentelemetry.io/docs/specs/otel/metrics/sdk/#metricproducer): a measurement costs a
 * bucket increment instead of the SDK's per-measurement attribute hashing (FIELD-NOTES, "sdk-metrics
 * 2.x cost model"). What the reader receives is what the SDK would report for the same instrument:
 * cumulative explicit-bucket points, a cardinality limit with an overflow series.
 */
export declare class DurationHistograms implements MetricProducer {
    private readonly scope;
    private readonly cardinalityLimit;
    private readonly histograms;
    constructor(scope: {
        name: string;
        version?: string;
    }, cardinalityLimit?: number);
    /** A new histogram instrument; its name must be unique in the scope. */
    histogram(name: string, options: DurationHistogramOptions): DurationHistogram;
    collect(): Promise<CollectionResult>;
}
/** One histogram instrument: its series, each with its cumulative explicit-bucket histogram. */
export declare class DurationHistogram {
    private readonly name;
    private readonly options;
    private readonly cardinalityLimit;
    /** Every series the hot path created, for the history to drain (their `latency`). */
    readonly series: RecordedSeries[];
    private readonly exported;
    /** The series that extra attributes made, by the hash of their whole attribute set; never the overflow one, so bounded by the limit. */
    private readonly withExtras;
    private overflow;
    constructor(name: string, options: DurationHistogramOptions, cardinalityLimit?: number);
    /** A new series for `attributes`, built once by the caller and kept. */
    newSeries(attributes: Attributes): RecordedSeries;
    /**
     * The histogram of `series` with `extra` attributes added (the series' own win on conflict):
     * for requests that called setRequestAttributes, so the only ones whose attributes are hashed.
     * Extras that add no key of their own are the series itself, so one attribute set is never two series.
     */
    withExtraAttributes(series: RecordedSeries, extra: Attributes): ExplicitHistogram;
    toMetricData(endTime: HrTime): HistogramMetricData;
    private exportedFor;
}
