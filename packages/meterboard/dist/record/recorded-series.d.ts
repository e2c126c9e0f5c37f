import type { Attributes } from '@opentelemetry/api';
import { type LatencyHistogram } from '../collect/latency-histogram.js';
import type { ExplicitHistogram } from './explicit-histogram.js';
/**
 * One series of a duration histogram as the hot path caches it: its attribute object, built once,
 * its cumulative explicit-bucket histogram (what /metrics exports), and the durations (seconds)
 * recorded into its exponential histogram since the history last drained it.
 */
export interface RecordedSeries {
    readonly attributes: Attributes;
    latency: LatencyHistogram;
    readonly histogram: ExplicitHistogram;
}
/** A series' durations since the previous drain. */
export type DrainedSeries = Pick<RecordedSeries, 'attributes' | 'latency'>;
/** The series of `all` that recorded anything since the last drain, each with a fresh histogram from now on. */
export declare function drainSeries(all: readonly RecordedSeries[]): DrainedSeries[];
