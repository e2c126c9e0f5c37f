// Seeded latency samples of known distributions, recorded the way the history records them (one
// exponential histogram per second, merged per window) and in the semconv explicit buckets. Shared
// by the percentile accuracy tests and the percentile-accuracy benchmark.
import { createLatencyHistogram, mergeLatencyHistogram, type LatencyHistogram } from '../collect/latency-histogram.js';
import { DURATION_BUCKETS_S } from '../record/http-instruments.js';

/** The percentiles the dashboard shows, in percent. */
export const PERCENTILES = [50, 90, 95, 99];

/** Recordings per second of every sample. */
export const VALUES_PER_SECOND = 200;

/** The windows measured: one unmerged histogram, and the dashboard's four. */
export const SAMPLE_WINDOWS = [
  { window: '1s (one histogram)', seconds: 1 },
  { window: '1m', seconds: 60 },
  { window: '5m', seconds: 300 },
  { window: '15m', seconds: 900 },
  { window: '1h', seconds: 3600 },
];
const LONGEST_WINDOW_S = 3600;

/** Seeded PRNG, uniform in [0, 1): https://github.com/bryc/code/blob/master/jshash/PRNGs.md#mulberry32 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal value (Box-Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Durations in seconds, by distribution name. */
export const DISTRIBUTIONS: Record<string, (random: () => number) => number> = {
  'uniform 1..100 ms': (random) => 0.001 + 0.099 * random(),
  'log-normal, median 20 ms, sigma 1': (random) => 0.02 * Math.exp(normal(random)),
  'bimodal 5 ms (80%) + 500 ms (20%)': (random) => (random() < 0.8 ? 0.005 : 0.5) * Math.exp(0.25 * normal(random)),
  'log-uniform 50 µs..60 s': (random) => 5e-5 * (60 / 5e-5) ** random(),
};

/** One window of a sample. */
export interface SampleWindow {
  /** Every recorded value, sorted. */
  sorted: Float64Array;
  /** The window as the server builds it: per-second histograms merged (the 1 s window is one, unmerged). */
  histogram: LatencyHistogram;
  /** The same values in the explicit buckets of DURATION_BUCKETS_S. */
  bucketCounts: number[];
}

const windowsByDistribution = new Map<string, Map<number, SampleWindow>>();

/** Per-second histograms of VALUES_PER_SECOND values, merged into every window, by window seconds; computed once per distribution. */
export function windowsOf(distribution: string): Map<number, SampleWindow> {
  const cached = windowsByDistribution.get(distribution);
  if (cached) return cached;
  const next = DISTRIBUTIONS[distribution];
  const random = mulberry32(0x5eed + distribution.length);
  const values = new Float64Array(LONGEST_WINDOW_S * VALUES_PER_SECOND);
  const bucketCounts: number[] = new Array(DURATION_BUCKETS_S.length + 1).fill(0);
  const merged = createLatencyHistogram();
  const windows = new Map<number, SampleWindow>();
  for (let second = 1; second <= LONGEST_WINDOW_S; second++) {
    const histogram = createLatencyHistogram();
    for (let i = (second - 1) * VALUES_PER_SECOND; i < second * VALUES_PER_SECOND; i++) {
      values[i] = next(random);
      histogram.record(values[i]);
      bucketCounts[explicitBucketOf(values[i])]++;
    }
    mergeLatencyHistogram(merged, histogram);
    if (SAMPLE_WINDOWS.some((w) => w.seconds === second)) {
      windows.set(second, {
        sorted: values.slice(0, second * VALUES_PER_SECOND).sort(),
        histogram: second === 1 ? histogram : merged.clone(),
        bucketCounts: [...bucketCounts],
      });
    }
  }
  windowsByDistribution.set(distribution, windows);
  return windows;
}

/** Index of the explicit bucket (boundaries[i-1], boundaries[i]] holding `value`; the last is +Inf. */
function explicitBucketOf(value: number): number {
  const index = DURATION_BUCKETS_S.findIndex((boundary) => value <= boundary);
  return index === -1 ? DURATION_BUCKETS_S.length : index;
}

/** Exact nearest-rank percentile (integer percent, so the rank is computed without rounding error). */
export function exactPercentile(sorted: Float64Array, percent: number): number {
  return sorted[Math.max(1, Math.ceil((percent * sorted.length) / 100)) - 1];
}

/** |estimate - exact| / exact; NaN for a missing estimate. */
export function relativeError(estimate: number | null, exact: number): number {
  return Math.abs((estimate ?? Number.NaN) - exact) / exact;
}
