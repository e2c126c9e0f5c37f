// Percentile accuracy: the exponential histograms behind /api/stats against the exact percentiles of
// the recorded values, next to what histogram_quantile makes of the same values in the semconv buckets.
import { test } from 'vitest';
import { latencyQuantile } from '../src/collect/latency-histogram.js';
import { histogramQuantile } from '../src/query/histogram-quantile.js';
import { DURATION_BUCKETS_S } from '../src/record/http-instruments.js';
import { DISTRIBUTIONS, exactPercentile, PERCENTILES, relativeError, SAMPLE_WINDOWS, windowsOf } from '../src/testing/latency-samples.js';
import { report, round, SHORT } from './report.js';

test('percentile-accuracy', () => {
  const windows = SHORT ? SAMPLE_WINDOWS.slice(0, 2) : SAMPLE_WINDOWS;
  const longest = windows.at(-1)!;
  const rows = [];
  let worstExponential = 0;
  for (const distribution of Object.keys(DISTRIBUTIONS)) {
    for (const { seconds } of windows) {
      const { sorted, histogram } = windowsOf(distribution).get(seconds)!;
      for (const percent of PERCENTILES) {
        worstExponential = Math.max(worstExponential, relativeError(latencyQuantile(histogram, percent / 100), exactPercentile(sorted, percent)));
      }
    }
    const { sorted, histogram, bucketCounts } = windowsOf(distribution).get(longest.seconds)!;
    for (const percent of PERCENTILES) {
      const exact = exactPercentile(sorted, percent);
      const interpolated = histogramQuantile(percent / 100, DURATION_BUCKETS_S, bucketCounts);
      rows.push({
        distribution,
        percentile: `p${percent}`,
        'exact (ms)': round(exact * 1000),
        'exponential error %': round(relativeError(latencyQuantile(histogram, percent / 100), exact) * 100),
        'histogram_quantile error %': round(relativeError(interpolated, exact) * 100),
      });
    }
  }
  report({
    scenario: 'percentile-accuracy',
    method: `${Object.keys(DISTRIBUTIONS).length} seeded distributions, 200 values a second merged per second over the ${longest.window} window (table) and every window up to it (target).`,
    rows,
    targets: [{ metric: 'worst exponential-histogram relative error, any distribution, window and percentile', value: worstExponential * 100, unit: '%', limit: 2 }],
  });
});
