import type { BucketBar, InstrumentGroupStats, InstrumentPoint } from '../query/stats-types.js';
/** Most groups drawn as lines in a chart; the breakdown table lists every group. */
export declare const MAX_CHARTED_GROUPS = 8;
/** Lines over time, one per group: rows keyed g0, g1, … (labels are not safe recharts keys: a dot is a path). */
export interface GroupChart {
    rows: Array<{
        time: number;
    } & Record<string, number | null>>;
    lines: Array<{
        key: string;
        name: string;
    }>;
}
/**
 * The first `max` groups in the API's order (counters and histograms: most first; up-down counters
 * and gauges: by label) as lines over the points; a step without a group's value is null.
 */
export declare function toGroupChart(points: readonly InstrumentPoint[], groups: readonly InstrumentGroupStats[], max?: number): GroupChart;
/** One row of a histogram's percentile chart, in the instrument's unit; null where the step recorded nothing. */
export interface PercentileRow {
    time: number;
    p50: number | null;
    p90: number | null;
    p99: number | null;
}
/** Rows for a histogram's percentile chart. */
export declare function toPercentileRows(points: readonly InstrumentPoint[]): PercentileRow[];
/** One bar of a histogram's distribution: its bucket as a range in the unit, e.g. "10 USD – 50 USD", and its recordings. */
export interface BucketRow {
    range: string;
    count: number;
}
/** Rows for a histogram's distribution chart; the +Inf bucket reads "> lower". */
export declare function toBucketRows(bars: readonly BucketBar[], unit: string): BucketRow[];
