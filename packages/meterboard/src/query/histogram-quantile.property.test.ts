import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DURATION_BUCKETS_S } from '../record/http-instruments.js';
import { histogramQuantile } from './histogram-quantile.js';

// Properties of histogram_quantile-style interpolation over the semconv HTTP buckets, for any counts.
const bucketCounts = fc.array(fc.nat({ max: 1000 }), { minLength: DURATION_BUCKETS_S.length + 1, maxLength: DURATION_BUCKETS_S.length + 1 });
const quantile = fc.double({ min: 0, max: 1, noNaN: true });

describe('histogramQuantile, for any bucket counts', () => {
  test('answers inside the bucket that holds the rank, and null only when empty', () => {
    fc.assert(
      fc.property(bucketCounts, quantile, (counts, q) => {
        const total = counts.reduce((sum, count) => sum + count, 0);
        const answer = histogramQuantile(q, DURATION_BUCKETS_S, counts);
        if (total === 0) return expect(answer).toBeNull();
        // The first non-empty bucket whose cumulative count reaches q · total.
        let below = 0;
        const bucket = counts.findIndex((count) => count > 0 && (below += count) >= q * total);
        const lower = bucket === 0 ? 0 : DURATION_BUCKETS_S[bucket - 1];
        const upper = DURATION_BUCKETS_S[bucket] ?? DURATION_BUCKETS_S[DURATION_BUCKETS_S.length - 1];
        expect(answer).toBeGreaterThanOrEqual(lower);
        expect(answer).toBeLessThanOrEqual(upper);
      }),
    );
  });

  test('is monotone in q', () => {
    fc.assert(
      fc.property(bucketCounts, quantile, quantile, (counts, a, b) => {
        fc.pre(counts.some((count) => count > 0));
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(histogramQuantile(high, DURATION_BUCKETS_S, counts)!).toBeGreaterThanOrEqual(histogramQuantile(low, DURATION_BUCKETS_S, counts)!);
      }),
    );
  });
});
