import { describe, expect, test } from 'vitest';
import { addBucketCounts, histogramQuantile } from './histogram-quantile.js';

describe('histogramQuantile', () => {
  test.each([
    { name: 'no buckets at all', boundaries: [], counts: [] },
    { name: 'all buckets zero', boundaries: [1, 2], counts: [0, 0, 0] },
  ])('is null for an empty histogram ($name)', ({ boundaries, counts }) => {
    expect(histogramQuantile(0.5, boundaries, counts)).toBeNull();
  });

  test('interpolates from 0 inside the first bucket', () => {
    // 4 values in (0, 0.1]: the median is rank 2 of 4, i.e. halfway through [0, 0.1].
    expect(histogramQuantile(0.5, [0.1, 1], [4, 0, 0])).toBeCloseTo(0.05, 12);
  });

  test('interpolates between the boundaries of a middle bucket', () => {
    // counts 2 | 4 | 2 over (0,1] (1,2] (2,4]: the median (rank 4) is 2 into the 4 of (1,2].
    expect(histogramQuantile(0.5, [1, 2, 4], [2, 4, 2, 0])).toBeCloseTo(1.5, 12);
  });

  test('answers the last finite boundary for a rank in the +Inf bucket', () => {
    expect(histogramQuantile(0.5, [0.1, 0.5], [1, 1, 8])).toBe(0.5);
    expect(histogramQuantile(0.99, [0.1, 0.5], [0, 0, 3])).toBe(0.5);
  });

  test('is null when every value is in the +Inf bucket and there are no finite boundaries', () => {
    expect(histogramQuantile(0.5, [], [3])).toBeNull();
  });

  test.each([
    { q: -0.5, same: 0 },
    { q: -Infinity, same: 0 },
    { q: 1.5, same: 1 },
    { q: 42, same: 1 },
  ])('clamps q=$q to $same', ({ q, same }) => {
    const boundaries = [1, 2, 4];
    const counts = [1, 2, 3, 0];
    expect(histogramQuantile(q, boundaries, counts)).toBe(histogramQuantile(same, boundaries, counts));
  });

  test('q=0 answers the lower boundary of the first non-empty bucket, q=1 the upper boundary of the last', () => {
    expect(histogramQuantile(0, [1, 2, 4], [0, 3, 1, 0])).toBe(1);
    expect(histogramQuantile(1, [1, 2, 4], [0, 3, 1, 0])).toBe(4);
  });

  // Expected values computed by hand with Prometheus' histogram_quantile algorithm:
  // rank = q * total; find the first bucket whose cumulative count >= rank;
  // result = lower + (upper - lower) * (rank - countBelow) / countInBucket; lower of the first bucket is 0;
  // a rank in the +Inf bucket answers the upper boundary of the last finite bucket.
  test.each([
    // boundaries [1, 2, 4], counts 2 | 4 | 2 | 0 (cumulative 2, 6, 8, 8), total 8
    { q: 0.1, boundaries: [1, 2, 4], counts: [2, 4, 2, 0], expected: 0.4 }, // rank 0.8: 0 + 1 * 0.8/2
    { q: 0.25, boundaries: [1, 2, 4], counts: [2, 4, 2, 0], expected: 1 }, // rank 2: 0 + 1 * 2/2
    { q: 0.5, boundaries: [1, 2, 4], counts: [2, 4, 2, 0], expected: 1.5 }, // rank 4: 1 + 1 * 2/4
    { q: 0.75, boundaries: [1, 2, 4], counts: [2, 4, 2, 0], expected: 2 }, // rank 6: 1 + 1 * 4/4
    { q: 0.9, boundaries: [1, 2, 4], counts: [2, 4, 2, 0], expected: 3.2 }, // rank 7.2: 2 + 2 * 1.2/2
    { q: 1, boundaries: [1, 2, 4], counts: [2, 4, 2, 0], expected: 4 }, // rank 8: 2 + 2 * 2/2
    // boundaries [0.1, 0.5], counts 1 | 1 | 8 (cumulative 1, 2, 10), total 10
    { q: 0.1, boundaries: [0.1, 0.5], counts: [1, 1, 8], expected: 0.1 }, // rank 1: 0 + 0.1 * 1/1
    { q: 0.15, boundaries: [0.1, 0.5], counts: [1, 1, 8], expected: 0.3 }, // rank 1.5: 0.1 + 0.4 * 0.5/1
    { q: 0.95, boundaries: [0.1, 0.5], counts: [1, 1, 8], expected: 0.5 }, // rank 9.5: +Inf bucket
    // empty buckets in the middle: counts 1 | 0 | 0 | 1 | 0 (cumulative 1, 1, 1, 2, 2), total 2
    { q: 0.5, boundaries: [1, 2, 3, 4], counts: [1, 0, 0, 1, 0], expected: 1 }, // rank 1: 0 + 1 * 1/1
    { q: 0.75, boundaries: [1, 2, 3, 4], counts: [1, 0, 0, 1, 0], expected: 3.5 }, // rank 1.5: 3 + 1 * 0.5/1
    // semconv HTTP buckets, 10 requests: 6 in (0.01, 0.025], 3 in (0.05, 0.075], 1 in (0.25, 0.5]
    {
      q: 0.5,
      boundaries: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5],
      counts: [0, 0, 6, 0, 3, 0, 0, 1, 0],
      expected: 0.0225, // rank 5: 0.01 + 0.015 * 5/6
    },
    {
      q: 0.9,
      boundaries: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5],
      counts: [0, 0, 6, 0, 3, 0, 0, 1, 0],
      expected: 0.075, // rank 9: 0.05 + 0.025 * 3/3
    },
    {
      q: 0.99,
      boundaries: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5],
      counts: [0, 0, 6, 0, 3, 0, 0, 1, 0],
      expected: 0.475, // rank 9.9: 0.25 + 0.25 * 0.9/1
    },
  ])('q=$q over $counts with boundaries $boundaries is $expected', ({ q, boundaries, counts, expected }) => {
    expect(histogramQuantile(q, boundaries, counts)).toBeCloseTo(expected, 12);
  });
});

describe('addBucketCounts', () => {
  test('adds element-wise and returns the same array', () => {
    const into = [1, 2, 3];
    const result = addBucketCounts(into, [10, 20, 30]);
    expect(result).toBe(into);
    expect(into).toEqual([11, 22, 33]);
  });

  test('grows an empty array to the length of the counts', () => {
    expect(addBucketCounts([], [1, 0, 2])).toEqual([1, 0, 2]);
  });

  test('grows a shorter array and keeps the tail of a longer one', () => {
    expect(addBucketCounts([1], [1, 1, 1])).toEqual([2, 1, 1]);
    expect(addBucketCounts([1, 1, 1], [5])).toEqual([6, 1, 1]);
  });

  test('accumulates over several calls', () => {
    const into: number[] = [];
    addBucketCounts(into, [1, 2]);
    addBucketCounts(into, [0, 1, 4]);
    expect(into).toEqual([1, 3, 4]);
  });
});
