import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createLatencyHistogram, latencyQuantiles, mergeLatencyHistogram } from './latency-histogram.js';

// Properties of the percentile math over arbitrary durations, 1 µs to 100 s, any mix of them.
const durations = fc.array(fc.double({ min: 1e-6, max: 100, noNaN: true }), { minLength: 1, maxLength: 400 });
const quantiles = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 });

function histogramOf(values: readonly number[]) {
  const histogram = createLatencyHistogram();
  for (const value of values) histogram.record(value);
  return histogram;
}

// The nearest-rank value, the quantile's exact answer.
function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}

// Worst relative error of a harmonic bucket midpoint at `scale`: (base - 1) / (base + 1), base = 2^(2^-scale).
function errorBound(scale: number): number {
  const base = 2 ** (2 ** -scale);
  return (base - 1) / (base + 1) + 1e-12;
}

describe('latencyQuantiles, for any durations and quantiles', () => {
  test('each estimate is within the bucket error bound of the exact nearest-rank value, and inside [min, max]', () => {
    fc.assert(
      fc.property(durations, quantiles, (values, qs) => {
        const histogram = histogramOf(values);
        const sorted = [...values].sort((a, b) => a - b);
        const estimates = latencyQuantiles(histogram, qs);
        qs.forEach((q, i) => {
          const exact = exactQuantile(sorted, q);
          const estimate = estimates[i]!;
          expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(errorBound(histogram.scale));
          expect(estimate).toBeGreaterThanOrEqual(sorted[0]);
          expect(estimate).toBeLessThanOrEqual(sorted[sorted.length - 1]);
        });
      }),
    );
  });

  test('a higher quantile is never a lower estimate', () => {
    fc.assert(
      fc.property(durations, quantiles, (values, qs) => {
        const ascending = [...qs].sort((a, b) => a - b);
        const estimates = latencyQuantiles(histogramOf(values), ascending) as number[];
        for (let i = 1; i < estimates.length; i++) expect(estimates[i]).toBeGreaterThanOrEqual(estimates[i - 1]);
      }),
    );
  });

  test('merging the histograms of two windows keeps every value: count, sum and the error bound of the union', () => {
    fc.assert(
      fc.property(durations, durations, quantiles, (first, second, qs) => {
        const merged = histogramOf(first);
        mergeLatencyHistogram(merged, histogramOf(second));
        const all = [...first, ...second].sort((a, b) => a - b);
        expect(merged.count).toBe(all.length);
        expect(merged.sum).toBeCloseTo(all.reduce((sum, value) => sum + value, 0), 6);
        latencyQuantiles(merged, qs).forEach((estimate, i) => {
          const exact = exactQuantile(all, qs[i]);
          expect(Math.abs(estimate! - exact) / exact).toBeLessThanOrEqual(errorBound(merged.scale));
        });
      }),
    );
  });
});
