import { describe, expect, test } from 'vitest';
import {
  createLatencyHistogram,
  latencyDistribution,
  latencyQuantile,
  latencyQuantiles,
  mergeLatencyHistogram,
  subtractLatencyHistogram,
  type LatencyHistogram,
} from './latency-histogram.js';
import { histogramQuantile } from '../query/histogram-quantile.js';
import { DURATION_BUCKETS_S } from '../record/http-instruments.js';
import { DISTRIBUTIONS, exactPercentile, PERCENTILES, relativeError, SAMPLE_WINDOWS, windowsOf } from '../testing/latency-samples.js';

// The requirement: p50/p90/p95/p99 of any window within 2% of the exact percentiles.
const MAX_RELATIVE_ERROR = 0.02;
// What the harmonic midpoint guarantees at scale 5: (base - 1) / (base + 1) with base = 2^(1/32), 1.08%.
const SCALE_5_BASE = 2 ** (1 / 32);
const SCALE_5_ERROR_BOUND = (SCALE_5_BASE - 1) / (SCALE_5_BASE + 1) + 1e-12;
const ACCURACY_CASES = Object.keys(DISTRIBUTIONS).flatMap((distribution) =>
  SAMPLE_WINDOWS.map(({ window, seconds }) => ({ distribution, window, seconds })),
);

describe('latencyQuantile accuracy', () => {
  test.each(ACCURACY_CASES)('$distribution, $window window: p50/p90/p95/p99 within 2%', ({ distribution, seconds }) => {
    const { sorted, histogram } = windowsOf(distribution).get(seconds)!;
    expect(histogram.count).toBe(sorted.length);
    const estimates = latencyQuantiles(histogram, PERCENTILES.map((p) => p / 100));
    PERCENTILES.forEach((percent, i) => {
      const exact = exactPercentile(sorted, percent);
      expect(latencyQuantile(histogram, percent / 100)).toBe(estimates[i]);
      expect(relativeError(estimates[i], exact), `p${percent}: ${estimates[i]} vs ${exact}`).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
    });
  });
});

describe('compared with histogram_quantile over the semconv HTTP buckets (DURATION_BUCKETS_S)', () => {
  // Not "better in every case": on uniform data linear interpolation inside linear buckets is the right model,
  // and a percentile that happens to sit on a boundary (bimodal p90 ≈ 0.5 s) comes out exact. What holds is the
  // bound: the exponential estimate never leaves 1.08%, interpolation misses 2% on every skewed distribution.
  test.each([
    { distribution: 'uniform 1..100 ms', interpolationMisses2Percent: false },
    { distribution: 'log-normal, median 20 ms, sigma 1', interpolationMisses2Percent: true },
    { distribution: 'bimodal 5 ms (80%) + 500 ms (20%)', interpolationMisses2Percent: true },
    { distribution: 'log-uniform 50 µs..60 s', interpolationMisses2Percent: true },
  ])('$distribution: worst exponential error <= 1.08%; histogram_quantile misses 2%: $interpolationMisses2Percent', ({ distribution, interpolationMisses2Percent }) => {
    let worstExponential = 0;
    let worstInterpolated = 0;
    for (const { sorted, histogram, bucketCounts } of windowsOf(distribution).values()) {
      for (const percent of PERCENTILES) {
        const exact = exactPercentile(sorted, percent);
        worstExponential = Math.max(worstExponential, relativeError(latencyQuantile(histogram, percent / 100), exact));
        worstInterpolated = Math.max(worstInterpolated, relativeError(histogramQuantile(percent / 100, DURATION_BUCKETS_S, bucketCounts), exact));
      }
    }
    expect(worstExponential).toBeLessThanOrEqual(SCALE_5_ERROR_BOUND);
    expect(worstInterpolated > MAX_RELATIVE_ERROR).toBe(interpolationMisses2Percent);
  });
});

/** A histogram of the given values. */
function histogramOf(values: readonly number[]): LatencyHistogram {
  const histogram = createLatencyHistogram();
  for (const value of values) histogram.record(value);
  return histogram;
}

/** `count` values spread evenly on a log scale over [low, high]. */
function logSpaced(low: number, high: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => low * (high / low) ** (i / (count - 1)));
}

describe('latencyQuantile', () => {
  test('is null for an empty histogram', () => {
    expect(latencyQuantile(createLatencyHistogram(), 0.5)).toBeNull();
    expect(latencyQuantiles(createLatencyHistogram(), [0.5, 0.99])).toEqual([null, null]);
  });

  test.each([0, 0.01, 0.5, 0.99, 1])('q=%s of a single value is that value', (q) => {
    expect(latencyQuantile(histogramOf([0.123]), q)).toBe(0.123);
  });

  test('is 0 for all zeros', () => {
    expect(latencyQuantiles(histogramOf([0, 0, 0]), [0, 0.5, 1])).toEqual([0, 0, 0]);
  });

  test('counts zeros below every positive value', () => {
    const histogram = histogramOf([0, 0, 0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07]);
    expect(latencyQuantile(histogram, 0.3)).toBe(0); // rank 3 of 10: the last zero
    expect(relativeError(latencyQuantile(histogram, 0.4), 0.01)).toBeLessThanOrEqual(SCALE_5_ERROR_BOUND);
  });

  test('answers the exact min for q <= 0 and the exact max for q >= 1', () => {
    const histogram = histogramOf([0.0123, 0.5, 4.56]);
    expect(latencyQuantiles(histogram, [-1, 0, 1, 2])).toEqual([0.0123, 0.0123, 4.56, 4.56]);
  });

  test('is null for q = NaN', () => {
    expect(latencyQuantile(histogramOf([1]), Number.NaN)).toBeNull();
  });

  test('keeps the rank of an exact product that floating point rounds up (0.07 * 100 = 7.000000000000001)', () => {
    const histogram = histogramOf(Array.from({ length: 100 }, (_, i) => (i + 1) / 1000)); // 1..100 ms
    expect(relativeError(latencyQuantile(histogram, 0.07), 0.007)).toBeLessThanOrEqual(SCALE_5_ERROR_BOUND);
  });

  test('answers several quantiles in the order asked', () => {
    const histogram = histogramOf(logSpaced(0.001, 10, 1000));
    const qs = [0.99, 0.5, 0.9, 0.5];
    expect(latencyQuantiles(histogram, qs)).toEqual(qs.map((q) => latencyQuantile(histogram, q)));
  });
});

describe('mergeLatencyHistogram', () => {
  test('keeps the error bound across very different ranges (1 µs and 1000 s)', () => {
    const micro = logSpaced(1e-6, 1e-5, 1000);
    const slow = logSpaced(100, 1000, 1000);
    const merged = createLatencyHistogram();
    mergeLatencyHistogram(merged, histogramOf(micro));
    mergeLatencyHistogram(merged, histogramOf(slow));
    expect(merged.scale).toBeGreaterThanOrEqual(5);
    const sorted = Float64Array.from([...micro, ...slow]).sort();
    for (const percent of [1, 10, 25, 49, 50, 51, 75, 90, 99]) {
      const estimate = latencyQuantile(merged, percent / 100);
      expect(relativeError(estimate, exactPercentile(sorted, percent)), `p${percent}`).toBeLessThanOrEqual(SCALE_5_ERROR_BOUND);
    }
  });

  test('stays at scale 5 up to 1 µs .. 70 min (LATENCY_HISTOGRAM_MAX_SIZE)', () => {
    const merged = createLatencyHistogram();
    mergeLatencyHistogram(merged, histogramOf([1e-6]));
    mergeLatencyHistogram(merged, histogramOf([70 * 60]));
    expect(histogramOf([1e-6, 70 * 60]).scale).toBe(5);
    expect(merged.scale).toBe(5);
  });

  test('gives the same buckets as recording every value into one histogram', () => {
    const values = logSpaced(0.001, 10, 3000);
    const merged = createLatencyHistogram();
    for (let i = 0; i < values.length; i += 200) mergeLatencyHistogram(merged, histogramOf(values.slice(i, i + 200)));
    const direct = histogramOf(values);
    expect([merged.scale, merged.count, merged.min, merged.max]).toEqual([direct.scale, direct.count, direct.min, direct.max]);
    expect(merged.positive.offset).toBe(direct.positive.offset);
    expect(merged.positive.counts()).toEqual(direct.positive.counts());
    expect(merged.sum).toBeCloseTo(direct.sum, 9);
  });

  // Regression: the SDK's merge would collapse `into` to scale 0 here (open-telemetry-cpp#3424 is the same bug).
  test.each([
    { from: 'an empty histogram', values: [] },
    { from: 'an all-zero histogram', values: [0, 0] },
  ])('merging $from keeps the scale and the buckets', ({ values }) => {
    const into = histogramOf(logSpaced(0.001, 1, 100));
    const before = into.clone();
    mergeLatencyHistogram(into, histogramOf(values));
    expect(into.scale).toBe(5);
    expect(into.positive.counts()).toEqual(before.positive.counts());
    expect([into.count, into.zeroCount, into.min]).toEqual([before.count + values.length, values.length, values.length ? 0 : before.min]);
  });

  test('merges histograms at different scales', () => {
    const wide = histogramOf([1e-9, 100]); // a range past 2^32 downscales below 5
    const narrow = histogramOf(logSpaced(0.01, 0.02, 50));
    expect(wide.scale).toBeLessThan(narrow.scale);
    mergeLatencyHistogram(narrow, wide);
    expect(narrow.scale).toBe(wide.scale);
    expect(narrow.count).toBe(52);
    expect(narrow.positive.counts().reduce((sum, count) => sum + count, 0)).toBe(52);
  });

  test('leaves `from` unchanged', () => {
    const into = histogramOf(logSpaced(1e-6, 1e-3, 50));
    const from = histogramOf([0, ...logSpaced(1, 100, 50)]);
    const before = from.toPointValue();
    mergeLatencyHistogram(into, from);
    expect(from.toPointValue()).toEqual(before);
  });
});

describe('subtractLatencyHistogram', () => {
  /** Buckets, counts and sum: what a subtraction must give back (min and max it cannot). */
  const contents = (histogram: LatencyHistogram) => ({
    scale: histogram.scale,
    count: histogram.count,
    zeroCount: histogram.zeroCount,
    offset: histogram.positive.offset,
    counts: histogram.positive.counts(),
    sum: Number(histogram.sum.toFixed(12)),
  });

  test.each([
    { case: 'values from values', kept: logSpaced(0.01, 0.5, 40), taken: logSpaced(0.001, 2, 30) },
    { case: 'zeros alone', kept: [0, ...logSpaced(0.01, 0.5, 10)], taken: [0, 0, 0] },
    { case: 'every value, leaving zeros', kept: [0, 0], taken: [0, 0.003, 0.2] },
    { case: 'everything', kept: [], taken: [0, 0.003, 0.2] },
  ])('$case: what is left is what the rest adds up to', ({ kept, taken }) => {
    const merged = histogramOf(kept);
    mergeLatencyHistogram(merged, histogramOf(taken));
    const left = subtractLatencyHistogram(merged, histogramOf(taken));
    expect(contents(left)).toEqual(contents(histogramOf(kept)));
    // And it goes on adding as a histogram of those values would: no stale bucket, no coarser scale.
    const more = logSpaced(0.002, 0.04, 20);
    mergeLatencyHistogram(left, histogramOf(more));
    expect(contents(left)).toEqual(contents(histogramOf([...kept, ...more])));
  });
});

describe('latencyDistribution', () => {
  test('is [] for an empty histogram', () => {
    expect(latencyDistribution(createLatencyHistogram(), 10)).toEqual([]);
  });

  test('gives zeros one bar at 0', () => {
    expect(latencyDistribution(histogramOf([0, 0, 0]), 10)).toEqual([{ lower: 0, upper: 0, count: 3 }]);
  });

  test('puts a single value in a bar around it', () => {
    const [bar, ...rest] = latencyDistribution(histogramOf([0.25]), 10);
    expect(rest).toEqual([]);
    expect(bar.count).toBe(1);
    expect(bar.lower).toBeLessThan(0.25);
    expect(bar.upper).toBeGreaterThanOrEqual(0.25);
  });

  // 1 ms .. 10 s straddles 1 s, which is a bucket boundary at every scale.
  const values = logSpaced(0.001, 10, 1000);
  test.each([1, 2, 3, 7, 40, 10_000].flatMap((maxBars) => [0, 5].map((zeros) => ({ maxBars, zeros }))))(
    'maxBars $maxBars with $zeros zeros: adjacent ascending bars covering every value',
    ({ maxBars, zeros }) => {
      const histogram = histogramOf([...new Array(zeros).fill(0), ...values]);
      const bars = latencyDistribution(histogram, maxBars);
      expect(bars.length).toBeGreaterThan(0);
      expect(bars.length).toBeLessThanOrEqual(maxBars);
      expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(histogram.count);
      for (const [i, bar] of bars.entries()) {
        expect(bar.lower).toBeLessThan(bar.upper);
        if (i > 0) expect(bar.lower).toBe(bars[i - 1].upper);
      }
      expect(bars[0].lower).toBeLessThanOrEqual(zeros ? 0 : 0.001);
      expect(bars[bars.length - 1].upper).toBeGreaterThanOrEqual(10);
      // from the first to the last non-empty bucket: the bars at both ends hold values
      expect(bars[zeros && bars.length > 1 ? 1 : 0].count).toBeGreaterThan(0);
      expect(bars[bars.length - 1].count).toBeGreaterThan(0);
    },
  );

  test.each([2, 7, 40, 200])('maxBars %s groups a power of two of buckets per bar', (maxBars) => {
    const bars = latencyDistribution(histogramOf(values), maxBars);
    const bucketsPerBar = bars.map((bar) => Math.round(Math.log2(bar.upper / bar.lower) * 32));
    expect(new Set(bucketsPerBar).size).toBe(1);
    expect(Math.log2(bucketsPerBar[0]) % 1).toBe(0);
  });

  test('with enough bars, one bar per bucket', () => {
    const histogram = histogramOf(values);
    const bars = latencyDistribution(histogram, 10_000);
    expect(bars.map((bar) => bar.count)).toEqual(histogram.positive.counts());
    expect(bars[0].upper / bars[0].lower).toBeCloseTo(SCALE_5_BASE, 12);
  });

  test.each([
    { maxBars: 0, same: 1 },
    { maxBars: -3, same: 1 },
    { maxBars: Number.NaN, same: 1 },
    { maxBars: 2.7, same: 2 },
  ])('treats maxBars $maxBars as $same', ({ maxBars, same }) => {
    const histogram = histogramOf(values);
    expect(latencyDistribution(histogram, maxBars)).toEqual(latencyDistribution(histogram, same));
  });
});
