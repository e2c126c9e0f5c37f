import { describe, expect, test } from 'vitest';
import { intervalPoint, perSecond, seriesDelta, statusClassOf } from './interval-point';
import { emptySample, type HttpSeries, type Sample } from './sample';
import { BOUNDARIES, keyOf, series } from '../testing/http-series-fixtures';

function sample(time: number, list: HttpSeries[], boundaries: readonly number[] = BOUNDARIES): Sample {
  return { ...emptySample(time, boundaries), http: new Map(list.map((s) => [keyOf(s), s])) };
}

const ZERO_RATES = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };

describe('intervalPoint', () => {
  const a1 = series('GET', '/a', 200, [4, 0, 0]);
  const a2 = series('GET', '/a', 200, [8, 2, 0]); // +6: [4, 2, 0]
  const redirect = series('GET', '/r', 302, [1, 0, 0]); // +1 then unchanged (same object)
  const notFound = series('GET', undefined, 404, [2, 0, 0]); // +2 in the second interval
  const failed = series('GET', '/a', 500, [0, 0, 4], '500'); // +4 in the second interval
  const informational = series('GET', '/a', 101, [0, 5, 0]); // no status class, still in the percentiles
  const s0 = sample(0, []);
  const s1 = sample(1_000, [a1, redirect]);
  const s2 = sample(3_000, [a2, redirect, notFound, failed, informational]);
  const points = [intervalPoint(s0, s1), intervalPoint(s1, s2)];

  test('is at the time of the newer sample', () => {
    expect(points.map((p) => p.time)).toEqual([1_000, 3_000]);
  });

  test('gives per-second rates by status class', () => {
    expect(points[0].requestsPerSecond).toEqual({ '2xx': 4, '3xx': 1, '4xx': 0, '5xx': 0 });
    expect(points[1].requestsPerSecond).toEqual({ '2xx': 3, '3xx': 0, '4xx': 1, '5xx': 2 });
  });

  test('gives percentiles of the requests of the interval', () => {
    // first interval: [4,0,0] + [1,0,0] = [5, 0, 0]: rank 2.5, 4.5, 4.95 in (0, 0.1]
    expect(points[0].durationSeconds.p50).toBeCloseTo(0.05, 12);
    expect(points[0].durationSeconds.p90).toBeCloseTo(0.09, 12);
    expect(points[0].durationSeconds.p99).toBeCloseTo(0.099, 12);
    // second interval: [4,2,0] + [2,0,0] + [0,0,4] + [0,5,0] = [6, 7, 4], total 17
    // p50 rank 8.5 -> 0.1 + 0.9 * 2.5/7; p90 rank 15.3 -> +Inf
    expect(points[1].durationSeconds.p50).toBeCloseTo(0.1 + (0.9 * 2.5) / 7, 12);
    expect(points[1].durationSeconds.p90).toBe(1);
    expect(points[1].durationSeconds.p99).toBe(1);
  });

  test('has exactly the chart point fields', () => {
    expect(Object.keys(points[0]).sort()).toEqual(['durationSeconds', 'requestsPerSecond', 'time']);
    expect(Object.keys(points[0].durationSeconds).sort()).toEqual(['p50', 'p90', 'p99']);
  });

  test('an interval without requests has zero rates and null percentiles', () => {
    const point = intervalPoint(sample(0, [a1]), sample(500, [a1]));
    expect(point).toEqual({ time: 500, requestsPerSecond: ZERO_RATES, durationSeconds: { p50: null, p90: null, p99: null } });
  });

  test('an interval between two empty samples has zero rates and null percentiles', () => {
    const point = intervalPoint(emptySample(0, BOUNDARIES), emptySample(1_000, BOUNDARIES));
    expect(point).toEqual({ time: 1_000, requestsPerSecond: ZERO_RATES, durationSeconds: { p50: null, p90: null, p99: null } });
  });

  test('an interval of zero seconds gives zero rates instead of Infinity', () => {
    const point = intervalPoint(sample(1_000, []), sample(1_000, [a1]));
    expect(point.requestsPerSecond['2xx']).toBe(0);
  });

  test('a series whose count went down (counter reset) counts as restarted from zero, never negative', () => {
    const before = [series('GET', '/a', 200, [10, 0, 0]), series('GET', '/b', 503, [0, 0, 7], '503')];
    const afterRestart = [series('GET', '/a', 200, [2, 1, 0]), series('GET', '/b', 503, [0, 0, 1], '503')];
    const point = intervalPoint(sample(0, before), sample(2_000, afterRestart));
    expect(point.requestsPerSecond['2xx']).toBeCloseTo(1.5, 12);
    expect(point.requestsPerSecond['5xx']).toBeCloseTo(0.5, 12);
    for (const rate of Object.values(point.requestsPerSecond)) expect(rate).toBeGreaterThanOrEqual(0);
    // buckets [2, 1, 1], total 4: p50 rank 2 -> 0.1; p90 rank 3.6 -> +Inf
    expect(point.durationSeconds.p50).toBeCloseTo(0.1, 12);
    expect(point.durationSeconds.p90).toBe(1);
    for (const value of Object.values(point.durationSeconds)) expect(value).toBeGreaterThanOrEqual(0);
  });

  test('a series without a status counts in no status class, but in the percentiles', () => {
    const aborted = series('GET', '/a', undefined, [0, 3, 0], 'aborted');
    const point = intervalPoint(sample(0, []), sample(1_000, [aborted]));
    expect(point.requestsPerSecond).toEqual(ZERO_RATES);
    // buckets [0, 3, 0]: p50 rank 1.5 -> 0.1 + 0.9 * 1.5/3
    expect(point.durationSeconds.p50).toBeCloseTo(0.55, 12);

    const ok = series('GET', '/a', 200, [2, 0, 0]);
    const mixed = intervalPoint(sample(0, []), sample(1_000, [aborted, ok]));
    expect(mixed.requestsPerSecond).toEqual({ '2xx': 2, '3xx': 0, '4xx': 0, '5xx': 0 });
  });

  test('a series only in the older sample adds nothing', () => {
    const point = intervalPoint(sample(0, [a1]), sample(1_000, []));
    expect(point.requestsPerSecond).toEqual(ZERO_RATES);
    expect(point.durationSeconds).toEqual({ p50: null, p90: null, p99: null });
  });

  test('interpolates with the boundaries of the newer sample', () => {
    const point = intervalPoint(sample(0, [], [9, 99]), sample(1_000, [series('GET', '/a', 200, [2, 0, 0])], [0.2, 2]));
    // buckets [2, 0, 0]: p50 rank 1 -> 0.2 * 1/2
    expect(point.durationSeconds.p50).toBeCloseTo(0.1, 12);
  });
});

describe('seriesDelta', () => {
  test('a new series counts entirely', () => {
    const s = series('GET', '/a', 200, [1, 2, 3]);
    expect(seriesDelta(s, undefined)).toMatchObject({ count: 6, bucketCounts: [1, 2, 3] });
  });

  test('the same object gained nothing', () => {
    const s = series('GET', '/a', 200, [1, 2, 3]);
    expect(seriesDelta(s, s).count).toBe(0);
  });

  test('an equal but distinct object gained nothing', () => {
    expect(seriesDelta(series('GET', '/a', 200, [1, 2, 3]), series('GET', '/a', 200, [1, 2, 3]))).toEqual({
      count: 0,
      bucketCounts: [0, 0, 0],
    });
  });

  test('a grown series gains the difference', () => {
    const older = series('GET', '/a', 200, [1, 2, 3]);
    const newer = series('GET', '/a', 200, [4, 2, 5]);
    expect(seriesDelta(newer, older)).toEqual({ count: 5, bucketCounts: [3, 0, 2] });
  });

  test('a series whose count went down restarted from zero', () => {
    const older = series('GET', '/a', 200, [5, 5, 5]);
    const newer = series('GET', '/a', 200, [1, 0, 1]);
    expect(seriesDelta(newer, older)).toMatchObject({ count: 2, bucketCounts: [1, 0, 1] });
  });
});

describe('statusClassOf', () => {
  test.each([
    [0, undefined],
    [100, undefined],
    [199, undefined],
    [200, '2xx'],
    [204, '2xx'],
    [299, '2xx'],
    [300, '3xx'],
    [304, '3xx'],
    [399, '3xx'],
    [400, '4xx'],
    [404, '4xx'],
    [499, '4xx'],
    [500, '5xx'],
    [503, '5xx'],
    [599, '5xx'],
    [600, undefined],
    [Number.NaN, undefined],
  ])('%d is %s', (status, expected) => {
    expect(statusClassOf(status)).toBe(expected);
  });

  test('no status (nothing was sent) has no class', () => {
    expect(statusClassOf(undefined)).toBeUndefined();
  });
});

describe('perSecond', () => {
  test.each([
    [10, 2, 5],
    [3, 0.5, 6],
    [0, 10, 0],
    [5, 0, 0],
    [5, -1, 0],
  ])('%d over %d s is %d', (count, seconds, expected) => {
    expect(perSecond(count, seconds)).toBe(expected);
  });
});
