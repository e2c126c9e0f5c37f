import 'server-only';
import { ExponentialHistogramAccumulation } from '@opentelemetry/sdk-metrics/build/src/aggregator/ExponentialHistogram.js';
/** A base-2 exponential histogram of latencies, in seconds (non-negative values): the SDK's own accumulation. */
export type LatencyHistogram = ExponentialHistogramAccumulation;
/**
 * Max buckets per histogram. At scale 5 (32 buckets per power of two, each 2.2% wide) any range with
 * max/min <= 2^(1023/32) ≈ 4.2e9 (1 µs .. 70 min) spans at most 1024 bucket indices, so the scale stays >= 5
 * and a quantile stays within 1.1%. The SDK's default, 160, puts 1 ms .. 10 s at scale 3 (9% buckets).
 * Memory is about 8.5 bytes per bucket in use plus ~550 bytes: 4.6 KB for 1 ms .. 10 s, 8.7 KB at most.
 */
export declare const LATENCY_HISTOGRAM_MAX_SIZE = 1024;
/** An empty latency histogram (min and max recorded); values go in with `histogram.record(seconds)`. */
export declare function createLatencyHistogram(): LatencyHistogram;
/** Adds `from` into `into` (different scales are fine: the SDK downscales). `from` is not modified. */
export declare function mergeLatencyHistogram(into: LatencyHistogram, from: LatencyHistogram): void;
/** The q-quantile (0..1, clamped) of the recorded values, same unit as recorded; null when empty or q is NaN. */
export declare function latencyQuantile(histogram: LatencyHistogram, q: number): number | null;
/**
 * Several quantiles in one pass over the buckets (any order; answered in the order asked). Nearest rank:
 * rank ceil(q * count) is found in its bucket and answered with the bucket's harmonic midpoint 2·lo·hi/(lo+hi),
 * the point whose worst relative error over the bucket is smallest, (base-1)/(base+1) = 1.08% at scale 5
 * (as in DDSketch, https://arxiv.org/abs/1908.10693); clamped to [min, max], and exactly min or max for the
 * first and last rank.
 */
export declare function latencyQuantiles(histogram: LatencyHistogram, qs: readonly number[]): (number | null)[];
/** One bar of a latency distribution: `count` values in (lower, upper] seconds; zeros have their own bar from 0. */
export interface LatencyBar {
    lower: number;
    upper: number;
    count: number;
}
/**
 * The distribution for a bar chart: at most `maxBars` adjacent bars (buckets merged by downscaling, i.e.
 * powers-of-two groups), only the range from the first to the last non-empty bucket, each {lower, upper, count};
 * [] when empty. Zeros come first, as a bar from 0 to where the next bar starts.
 */
export declare function latencyDistribution(histogram: LatencyHistogram, maxBars: number): LatencyBar[];
