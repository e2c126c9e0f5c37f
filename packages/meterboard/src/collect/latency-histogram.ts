import 'server-only';
// sdk-metrics has no "exports" map, so these deep imports resolve; they are not public API, hence its exact version pin.
import { ExponentialHistogramAccumulation } from '@opentelemetry/sdk-metrics/build/src/aggregator/ExponentialHistogram.js';
import { getMapping } from '@opentelemetry/sdk-metrics/build/src/aggregator/exponential-histogram/mapping/getMapping.js';

/** A base-2 exponential histogram of latencies, in seconds (non-negative values): the SDK's own accumulation. */
export type LatencyHistogram = ExponentialHistogramAccumulation;

/**
 * Max buckets per histogram. At scale 5 (32 buckets per power of two, each 2.2% wide) any range with
 * max/min <= 2^(1023/32) ≈ 4.2e9 (1 µs .. 70 min) spans at most 1024 bucket indices, so the scale stays >= 5
 * and a quantile stays within 1.1%. The SDK's default, 160, puts 1 ms .. 10 s at scale 3 (9% buckets).
 * Memory is about 8.5 bytes per bucket in use plus ~550 bytes: 4.6 KB for 1 ms .. 10 s, 8.7 KB at most.
 */
export const LATENCY_HISTOGRAM_MAX_SIZE = 1024;

// The SDK starts at scale 20 and only downscales when the range no longer fits, so even 20..40 ms would fill all
// 1024 buckets at scale 10. Starting at the scale the error bound needs halves memory and merge time for
// typical ranges, and keeps every latency histogram on one bucket grid, so merging loses nothing.
const START_MAPPING = getMapping(5);

// The constructor's own defaults for sum, count, zeroCount, min, max and the positive and negative buckets.
const CONSTRUCTOR_DEFAULTS = [undefined, undefined, undefined, undefined, undefined, undefined, undefined] as const;

/** An empty latency histogram (min and max recorded); values go in with `histogram.record(seconds)`. */
export function createLatencyHistogram(): LatencyHistogram {
  return new ExponentialHistogramAccumulation(
    [0, 0], // start time: unused here
    LATENCY_HISTOGRAM_MAX_SIZE,
    true, // record min and max
    ...CONSTRUCTOR_DEFAULTS,
    START_MAPPING,
  );
}

/** Adds `from` into `into` (different scales are fine: the SDK downscales). `from` is not modified. */
export function mergeLatencyHistogram(into: LatencyHistogram, from: LatencyHistogram): void {
  if (from.count === 0) return;
  // The SDK merges at the smaller of the two scales and reports scale 0 for a histogram without non-zero values,
  // so merging an empty or all-zero one would collapse `into` to scale 0 (buckets 100% wide). The same bug in
  // the C++ SDK: https://github.com/open-telemetry/opentelemetry-cpp/issues/3424
  if (from.count === from.zeroCount) {
    into.updateByIncrement(0, from.zeroCount);
    return;
  }
  into.merge(from);
}

/**
 * Takes `from` back out of `into`, which it was merged into before, with the SDK's own diff: bucket
 * counts, count and sum come out as exact as merge put them in. Min and max cannot be taken out (the
 * SDK forgets them), so whoever subtracts keeps its own (LatencyAccumulator does). Returns the
 * histogram to go on with: `into`, or a new one once nothing but zeros is left, since the SDK reads a
 * histogram of zeros at scale 0 and would subtract from the wrong buckets.
 */
export function subtractLatencyHistogram(into: LatencyHistogram, from: LatencyHistogram): LatencyHistogram {
  if (from.count === 0) return into;
  if (from.count - from.zeroCount === into.count - into.zeroCount) {
    const zeros = createLatencyHistogram();
    if (into.zeroCount > from.zeroCount) zeros.updateByIncrement(0, into.zeroCount - from.zeroCount);
    return zeros;
  }
  // Zeros only: the same scale trap as in mergeLatencyHistogram, from the other side.
  if (from.count === from.zeroCount) into.updateByIncrement(0, -from.zeroCount);
  else into.diff(from);
  return into;
}

/** Whether `histogram` had to go coarser than latency histograms start (its values span more than its buckets can at that scale). */
export function isCoarserThanStart(histogram: LatencyHistogram): boolean {
  return histogram.count > histogram.zeroCount && histogram.scale < START_MAPPING.scale;
}

/** The q-quantile (0..1, clamped) of the recorded values, same unit as recorded; null when empty or q is NaN. */
export function latencyQuantile(histogram: LatencyHistogram, q: number): number | null {
  return latencyQuantiles(histogram, [q])[0];
}

/** The smallest and largest value recorded. */
export interface Extremes {
  readonly min: number;
  readonly max: number;
}

/**
 * Several quantiles in one pass over the buckets (any order; answered in the order asked). Nearest rank:
 * rank ceil(q * count) is found in its bucket and answered with the bucket's harmonic midpoint 2·lo·hi/(lo+hi),
 * the point whose worst relative error over the bucket is smallest, (base-1)/(base+1) = 1.08% at scale 5
 * (as in DDSketch, https://arxiv.org/abs/1908.10693); clamped to [min, max], and exactly min or max for the
 * first and last rank. `extremes` stands in for the histogram's own min and max when it lost them
 * (subtractLatencyHistogram).
 */
export function latencyQuantiles(histogram: LatencyHistogram, qs: readonly number[], { min, max }: Extremes = histogram): (number | null)[] {
  const { count, zeroCount, scale, positive } = histogram;
  const answers: (number | null)[] = qs.map(() => null);
  if (count === 0) return answers;

  const ranks = qs.map((q) => nearestRank(q, count));
  const order = ranks.map((_, i) => i).sort((a, b) => ranks[a] - ranks[b]);
  let below = zeroCount; // values in the zero bucket and in positive buckets up to `position`
  let position = -1;
  for (const i of order) {
    const rank = ranks[i];
    if (Number.isNaN(rank)) continue;
    if (rank === 1) answers[i] = min;
    else if (rank === count) answers[i] = max;
    else if (rank <= zeroCount) answers[i] = 0;
    else {
      while (below < rank && position + 1 < positive.length) below += positive.at(++position);
      // Only values outside the contract (negative ones) can leave the rank past the last positive bucket.
      answers[i] = below < rank ? max : clamp(harmonicMidpoint(positive.offset + position, scale), min, max);
    }
  }
  return answers;
}

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
export function latencyDistribution(histogram: LatencyHistogram, maxBars: number): LatencyBar[] {
  const { zeroCount, positive } = histogram;
  let first = 0;
  let last = positive.length - 1;
  while (first <= last && positive.at(first) === 0) first++;
  while (last >= first && positive.at(last) === 0) last--;
  if (first > last) return zeroCount > 0 ? [{ lower: 0, upper: 0, count: zeroCount }] : [];

  const barLimit = maxBars >= 1 ? Math.floor(maxBars) : 1;
  if (zeroCount === 0) return positiveBars(histogram, first, last, barLimit);
  if (barLimit === 1) {
    const [bar] = positiveBars(histogram, first, last, 1);
    return [{ lower: 0, upper: bar.upper, count: zeroCount + bar.count }];
  }
  const bars = positiveBars(histogram, first, last, barLimit - 1);
  return [{ lower: 0, upper: bars[0].lower, count: zeroCount }, ...bars];
}

/** Bars over the positive buckets at positions first..last, at most maxBars (>= 1) of them. */
function positiveBars(histogram: LatencyHistogram, first: number, last: number, maxBars: number): LatencyBar[] {
  const { scale, positive } = histogram;
  const firstIndex = positive.offset + first;
  const lastIndex = positive.offset + last;
  // Downscaling by `shift` groups 2^shift adjacent buckets. That always gets down to 2 groups, not always to 1:
  // 1 s is a bucket boundary at every scale.
  let shift = 0;
  while ((lastIndex >> shift) - (firstIndex >> shift) + 1 > Math.max(maxBars, 2)) shift++;
  const groupScale = scale - shift;
  const bars: LatencyBar[] = [];
  let group = Number.NaN;
  for (let position = first; position <= last; position++) {
    const index = (positive.offset + position) >> shift;
    if (index !== group) {
      group = index;
      bars.push({ lower: lowerBoundary(group, groupScale), upper: lowerBoundary(group + 1, groupScale), count: 0 });
    }
    bars[bars.length - 1].count += positive.at(position);
  }
  if (bars.length <= maxBars) return bars;
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  return [{ lower: bars[0].lower, upper: bars[bars.length - 1].upper, count: total }];
}

// Bucket `index` at `scale` holds (base^index, base^(index+1)] with base = 2^(2^-scale):
// https://opentelemetry.io/docs/specs/otel/metrics/data-model/#exponentialhistogram
function lowerBoundary(index: number, scale: number): number {
  return 2 ** (index * 2 ** -scale);
}

function harmonicMidpoint(index: number, scale: number): number {
  const lower = lowerBoundary(index, scale);
  const upper = lowerBoundary(index + 1, scale);
  return (2 * lower * upper) / (lower + upper);
}

function nearestRank(q: number, count: number): number {
  if (Number.isNaN(q)) return Number.NaN;
  // q * count can land a hair above an integer (0.07 * 100 = 7.000000000000001): shave a few ulps so it keeps its rank.
  return Math.min(count, Math.max(1, Math.ceil(q * count * (1 - 4 * Number.EPSILON))));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
