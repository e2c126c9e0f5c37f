import { type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { InstrumentDescriptor } from '../query/stats-types.js';
import { type InstrumentFrame } from './frame.js';
/**
 * Series the history keeps per instrument; later ones add up in one overflow series, as the SDK
 * does past its cardinality limit (https://opentelemetry.io/docs/specs/otel/metrics/sdk/#cardinality-limits).
 */
export declare const HISTORY_SERIES_PER_INSTRUMENT = 200;
type Cumulative = {
    value: number;
} | {
    count: number;
    sum: number;
    bucketCounts: readonly number[];
};
/**
 * Turns the SDK's cumulative collections into what happened between two of them, per series:
 * counters and histograms as increases, up-down counters and gauges as their value. A series whose
 * count went down restarted from zero (a counter reset), so its increase is its whole new value:
 * never a negative rate.
 */
export declare class InstrumentDeltas {
    private readonly previous;
    private readonly seriesKeys;
    /** Every instrument seen so far, by instrument key. */
    readonly descriptors: Map<string, InstrumentDescriptor>;
    /** The increases and values since the previous call, by instrument key. */
    next(resourceMetrics: ResourceMetrics): Map<string, InstrumentFrame>;
    private seriesOf;
    private keep;
}
/** What a cumulative series gained since `before`; all of it if it restarted from zero. */
export declare function increase(current: Cumulative, before: Cumulative | undefined): Cumulative;
export {};
