import { describe, expect, test } from 'vitest';
import { emptySample, type HttpSeries, type Sample } from '../collect/sample';
import type { InstrumentStats } from './stats-types';
import { buildStats, perSecond, seriesDelta, seriesPoints, statusClassOf, type StatsContext } from './build-stats';

// Two finite buckets: (0, 0.1], (0.1, 1], (1, +Inf).
const BOUNDARIES = [0.1, 1];

function series(
  method: string,
  route: string | undefined,
  status: number,
  bucketCounts: number[],
  errorType?: string,
): HttpSeries {
  const count = bucketCounts.reduce((a, b) => a + b, 0);
  return { method, route, status, errorType, count, sum: count * 0.05, bucketCounts };
}

/** Series key as toSample builds it: the attribute set as JSON. */
function keyOf(s: HttpSeries): string {
  return JSON.stringify({
    'http.request.method': s.method,
    'url.scheme': 'http',
    'http.response.status_code': s.status,
    ...(s.route === undefined ? {} : { 'http.route': s.route }),
    ...(s.errorType === undefined ? {} : { 'error.type': s.errorType }),
  });
}

function sample(time: number, list: HttpSeries[], extra: Partial<Sample> = {}): Sample {
  return { ...emptySample(time, BOUNDARIES), http: new Map(list.map((s) => [keyOf(s), s])), ...extra };
}

const CONTEXT: StatsContext = {
  serviceName: 'meterboard-test',
  startTime: Date.UTC(2024, 0, 2, 3, 4, 5),
  now: Date.UTC(2024, 0, 2, 3, 4, 5) + 90_000,
  sampleIntervalMs: 1_000,
};

describe('buildStats over a 10 s window', () => {
  const getOrdersOkBefore = series('GET', '/orders', 200, [5, 0, 0]);
  const getOrdersOkAfter = series('GET', '/orders', 200, [13, 2, 0]); // +10: [8, 2, 0]
  const getOrders500Before = series('GET', '/orders', 500, [0, 1, 0], '500');
  const getOrders500After = series('GET', '/orders', 500, [0, 2, 1], '500'); // +2: [0, 1, 1]
  const postOrders = series('POST', '/orders', 201, [4, 0, 0]); // new: +4
  const unmatched = series('GET', undefined, 404, [6, 0, 0]); // new: +6, a 4xx is not an error
  const health = series('GET', '/health', 200, [7, 0, 0]); // unchanged: +0

  const instruments: InstrumentStats[] = [
    { meter: 'orders', name: 'orders.placed', description: '', unit: '', kind: 'counter', points: [] },
  ];
  const baseline = sample(1_000_000, [getOrdersOkBefore, getOrders500Before, health]);
  const latest = sample(1_010_000, [getOrdersOkAfter, getOrders500After, postOrders, unmatched, health], {
    activeRequests: 3,
    instruments,
  });
  const stats = buildStats([baseline, latest], CONTEXT);

  test('describes the process and the window', () => {
    expect(stats.service).toEqual({ name: 'meterboard-test' });
    expect(stats.startTime).toBe('2024-01-02T03:04:05.000Z');
    expect(stats.uptimeSeconds).toBe(90);
    expect(stats.windowSeconds).toBe(10);
    expect(stats.sampleIntervalSeconds).toBe(1);
  });

  test('totals count the requests of the window as deltas, and all requests since start', () => {
    expect(stats.totals.requests).toBe(10 + 2 + 4 + 6);
    expect(stats.totals.requestsSinceStart).toBe(15 + 3 + 4 + 6 + 7);
    expect(stats.totals.requestsPerSecond).toBeCloseTo(22 / 10, 12);
    expect(stats.totals.inFlight).toBe(3);
  });

  test('errorRate counts only series with an error.type', () => {
    expect(stats.totals.errorRate).toBeCloseTo(2 / 22, 12);
  });

  test('totals percentiles come from the summed bucket deltas', () => {
    // [8,2,0] + [0,1,1] + [4,0,0] + [6,0,0] = [18, 3, 1], total 22
    // p50 rank 11 -> 0.1 * 11/18; p90 rank 19.8 -> 0.1 + 0.9 * 1.8/3; p95 rank 20.9 -> 0.1 + 0.9 * 2.9/3; p99 -> +Inf
    expect(stats.totals.durationSeconds.p50).toBeCloseTo((0.1 * 11) / 18, 12);
    expect(stats.totals.durationSeconds.p90).toBeCloseTo(0.1 + (0.9 * 1.8) / 3, 12);
    expect(stats.totals.durationSeconds.p95).toBeCloseTo(0.1 + (0.9 * 2.9) / 3, 12);
    expect(stats.totals.durationSeconds.p99).toBe(1);
  });

  test('has one row per method and route, most requests first, null route for unmatched requests', () => {
    expect(stats.routes.map((r) => [r.method, r.route, r.requests, r.requestsSinceStart])).toEqual([
      ['GET', '/orders', 12, 18],
      ['GET', null, 6, 6],
      ['POST', '/orders', 4, 4],
      ['GET', '/health', 0, 7],
    ]);
  });

  test('a row adds up its status codes, error rate, rate and percentiles', () => {
    const row = stats.routes[0];
    expect(row.statusCodes).toEqual({ '200': 10, '500': 2 });
    expect(row.errorRate).toBeCloseTo(2 / 12, 12);
    expect(row.requestsPerSecond).toBeCloseTo(1.2, 12);
    // buckets [8, 3, 1], total 12: p50 rank 6 -> 0.1 * 6/8; p90 rank 10.8 -> 0.1 + 0.9 * 2.8/3; p95, p99 -> +Inf
    expect(row.durationSeconds.p50).toBeCloseTo(0.075, 12);
    expect(row.durationSeconds.p90).toBeCloseTo(0.1 + (0.9 * 2.8) / 3, 12);
    expect(row.durationSeconds.p95).toBe(1);
    expect(row.durationSeconds.p99).toBe(1);
  });

  test('a row without requests in the window has no error rate, status codes nor percentiles', () => {
    const row = stats.routes[3];
    expect(row).toEqual({
      method: 'GET',
      route: '/health',
      requests: 0,
      requestsSinceStart: 7,
      requestsPerSecond: 0,
      errorRate: null,
      statusCodes: {},
      durationSeconds: { p50: null, p90: null, p95: null, p99: null },
    });
  });

  test('a 404 without error.type is not an error', () => {
    expect(stats.routes[1].errorRate).toBe(0);
    expect(stats.routes[1].statusCodes).toEqual({ '404': 6 });
  });

  test('copies the latest instruments', () => {
    expect(stats.instruments).toEqual(instruments);
  });
});

describe('buildStats edge cases', () => {
  test('separates the same route under different methods, and unmatched requests by method', () => {
    const stats = buildStats(
      [
        sample(0, []),
        sample(1_000, [
          series('GET', '/a', 200, [1, 0, 0]),
          series('POST', '/a', 200, [2, 0, 0]),
          series('GET', undefined, 404, [3, 0, 0]),
          series('POST', undefined, 404, [4, 0, 0]),
          series('GET', '/a', 503, [5, 0, 0], '503'),
        ]),
      ],
      CONTEXT,
    );
    expect(stats.routes.map((r) => [r.method, r.route, r.requests])).toEqual([
      ['GET', '/a', 6],
      ['POST', null, 4],
      ['GET', null, 3],
      ['POST', '/a', 2],
    ]);
  });

  test('rows with equal requests in the window are ordered by requests since start', () => {
    const stats = buildStats(
      [
        sample(0, [series('GET', '/old', 200, [9, 0, 0])]),
        sample(1_000, [series('GET', '/new', 200, [1, 0, 0]), series('GET', '/old', 200, [10, 0, 0])]),
      ],
      CONTEXT,
    );
    expect(stats.routes.map((r) => r.route)).toEqual(['/old', '/new']);
  });

  test('a single sample gives an empty window: no requests, no rates, no points', () => {
    const only = sample(5_000, [series('GET', '/a', 200, [3, 0, 0])]);
    const stats = buildStats([only], CONTEXT);
    expect(stats.windowSeconds).toBe(0);
    expect(stats.totals.requests).toBe(0);
    expect(stats.totals.requestsSinceStart).toBe(3);
    expect(stats.totals.requestsPerSecond).toBe(0);
    expect(stats.totals.errorRate).toBeNull();
    expect(stats.series).toEqual([]);
  });

  test('uptime is never negative', () => {
    const stats = buildStats([sample(0, [])], { ...CONTEXT, now: CONTEXT.startTime - 5_000 });
    expect(stats.uptimeSeconds).toBe(0);
  });

  test('a series whose count went down (counter reset) counts as restarted from zero, never negative', () => {
    const before = series('GET', '/a', 200, [10, 0, 0]);
    const afterRestart = series('GET', '/a', 200, [2, 1, 0]);
    const samples = [sample(0, [before]), sample(2_000, [afterRestart])];
    const stats = buildStats(samples, CONTEXT);
    expect(stats.totals.requests).toBe(3);
    expect(stats.totals.requestsPerSecond).toBeCloseTo(1.5, 12);
    expect(stats.routes[0].statusCodes).toEqual({ '200': 3 });
    // buckets [2, 1, 0]: p50 rank 1.5 -> 0.1 * 1.5/2
    expect(stats.totals.durationSeconds.p50).toBeCloseTo(0.075, 12);
    expect(stats.series).toHaveLength(1);
    expect(stats.series[0].requestsPerSecond['2xx']).toBeCloseTo(1.5, 12);
    for (const point of stats.series) {
      for (const rate of Object.values(point.requestsPerSecond)) expect(rate).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('seriesPoints', () => {
  const a1 = series('GET', '/a', 200, [4, 0, 0]);
  const a2 = series('GET', '/a', 200, [8, 2, 0]); // +6: [4, 2, 0]
  const redirect = series('GET', '/r', 302, [1, 0, 0]); // +1 then unchanged (same object)
  const notFound = series('GET', undefined, 404, [2, 0, 0]); // +2 in the second interval
  const failed = series('GET', '/a', 500, [0, 0, 4], '500'); // +4 in the second interval
  const informational = series('GET', '/a', 101, [0, 5, 0]); // no status class, still in the percentiles
  const points = seriesPoints([
    sample(0, []),
    sample(1_000, [a1, redirect]),
    sample(3_000, [a2, redirect, notFound, failed, informational]),
  ]);

  test('gives one point per pair of consecutive samples, at the newer one', () => {
    expect(points.map((p) => p.time)).toEqual([1_000, 3_000]);
  });

  test('gives per-second rates by status class', () => {
    expect(points[0].requestsPerSecond).toEqual({ '2xx': 4, '3xx': 1, '4xx': 0, '5xx': 0 });
    expect(points[1].requestsPerSecond).toEqual({ '2xx': 3, '3xx': 0, '4xx': 1, '5xx': 2 });
  });

  test('gives percentiles of the requests of each interval', () => {
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

  test('an interval without requests has zero rates and null percentiles', () => {
    const [point] = seriesPoints([sample(0, [a1]), sample(500, [a1])]);
    expect(point.requestsPerSecond).toEqual({ '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 });
    expect(point.durationSeconds).toEqual({ p50: null, p90: null, p99: null });
  });

  test('an interval of zero seconds gives zero rates instead of Infinity', () => {
    const [point] = seriesPoints([sample(1_000, []), sample(1_000, [a1])]);
    expect(point.requestsPerSecond['2xx']).toBe(0);
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
