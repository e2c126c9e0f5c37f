import { describe, expect, test } from 'vitest';
import { intervalPoint } from '../collect/interval-point';
import { emptySample, type HttpSeries, type Sample } from '../collect/sample';
import type { InstrumentStats, SeriesPoint } from './stats-types';
import { buildStats, NO_STATUS, type StatsContext } from './build-stats';
import { BOUNDARIES, keyOf, series } from '../testing/http-series-fixtures';

/** A sample as toSample builds it: its point is the interval since `previous` (none without one). */
function sample(time: number, list: HttpSeries[], previous?: Sample, extra: Partial<Sample> = {}): Sample {
  const http = new Map(list.map((s) => [keyOf(s), s]));
  const withoutPoint = { ...emptySample(time, BOUNDARIES), http, ...extra };
  return { ...withoutPoint, point: previous === undefined ? undefined : intervalPoint(previous, withoutPoint) };
}

/** Consecutive samples, each with the point of the interval since the one before it. */
function samples(...list: [time: number, series: HttpSeries[], extra?: Partial<Sample>][]): Sample[] {
  const result: Sample[] = [];
  for (const [time, http, extra] of list) result.push(sample(time, http, result[result.length - 1], extra));
  return result;
}

/** The points buildStats should chart: those of every sample after the baseline. */
function pointsOf(list: readonly Sample[]): SeriesPoint[] {
  return list.slice(1).map((s) => s.point!);
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
  const inWindow = samples(
    [1_000_000, [getOrdersOkBefore, getOrders500Before, health]],
    [1_010_000, [getOrdersOkAfter, getOrders500After, postOrders, unmatched, health], { activeRequests: 3 }],
  );
  const stats = buildStats(inWindow, instruments, CONTEXT);

  test('describes the process and the inWindow', () => {
    expect(stats.service).toEqual({ name: 'meterboard-test' });
    expect(stats.startTime).toBe('2024-01-02T03:04:05.000Z');
    expect(stats.uptimeSeconds).toBe(90);
    expect(stats.windowSeconds).toBe(10);
    expect(stats.sampleIntervalSeconds).toBe(1);
  });

  test('totals count the requests of the inWindow as deltas, and all requests since start', () => {
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

  test('a row without requests in the inWindow has no error rate, status codes nor percentiles', () => {
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

  test('copies the instruments it is given', () => {
    expect(stats.instruments).toEqual(instruments);
    expect(stats.instruments).not.toBe(instruments);
  });

  test('charts the point of the latest sample, the interval since the baseline', () => {
    expect(stats.series).toEqual(pointsOf(inWindow));
    expect(stats.series).toEqual([
      {
        time: 1_010_000,
        // 2xx: +10 +4, 4xx: +6, 5xx: +2 over 10 s
        requestsPerSecond: { '2xx': 1.4, '3xx': 0, '4xx': 0.6, '5xx': 0.2 },
        durationSeconds: expect.any(Object),
      },
    ]);
  });
});

describe('buildStats edge cases', () => {
  test('separates the same route under different methods, and unmatched requests by method', () => {
    const stats = buildStats(
      samples(
        [0, []],
        [
          1_000,
          [
            series('GET', '/a', 200, [1, 0, 0]),
            series('POST', '/a', 200, [2, 0, 0]),
            series('GET', undefined, 404, [3, 0, 0]),
            series('POST', undefined, 404, [4, 0, 0]),
            series('GET', '/a', 503, [5, 0, 0], '503'),
          ],
        ],
      ),
      [],
      CONTEXT,
    );
    expect(stats.routes.map((r) => [r.method, r.route, r.requests])).toEqual([
      ['GET', '/a', 6],
      ['POST', null, 4],
      ['GET', null, 3],
      ['POST', '/a', 2],
    ]);
  });

  test('rows with equal requests in the inWindow are ordered by requests since start', () => {
    const stats = buildStats(
      samples(
        [0, [series('GET', '/old', 200, [9, 0, 0])]],
        [1_000, [series('GET', '/new', 200, [1, 0, 0]), series('GET', '/old', 200, [10, 0, 0])]],
      ),
      [],
      CONTEXT,
    );
    expect(stats.routes.map((r) => r.route)).toEqual(['/old', '/new']);
  });

  test('a single sample gives an empty inWindow: no requests, no rates, no points', () => {
    // The baseline's own point is the interval before the inWindow: never charted.
    const [, only] = samples([4_000, []], [5_000, [series('GET', '/a', 200, [3, 0, 0])]]);
    expect(only.point).toBeDefined();
    const stats = buildStats([only], [], CONTEXT);
    expect(stats.windowSeconds).toBe(0);
    expect(stats.totals.requests).toBe(0);
    expect(stats.totals.requestsSinceStart).toBe(3);
    expect(stats.totals.requestsPerSecond).toBe(0);
    expect(stats.totals.errorRate).toBeNull();
    expect(stats.series).toEqual([]);
  });

  test('uptime is never negative', () => {
    const stats = buildStats(samples([0, []]), [], { ...CONTEXT, now: CONTEXT.startTime - 5_000 });
    expect(stats.uptimeSeconds).toBe(0);
  });

  test('series are the points of the samples after the baseline, oldest first', () => {
    const a1 = series('GET', '/a', 200, [4, 0, 0]);
    const a2 = series('GET', '/a', 200, [8, 2, 0]);
    const redirect = series('GET', '/r', 302, [1, 0, 0]);
    const failed = series('GET', '/a', 500, [0, 0, 4], '500');
    const all = samples(
      [0, []],
      [1_000, [a1]], // the baseline: its point (0..1 s) is before the inWindow
      [2_000, [a1, redirect]],
      [4_000, [a2, redirect, failed]],
      [5_000, [a2, redirect, failed]],
    );
    const inWindow = all.slice(1);
    const stats = buildStats(inWindow, [], CONTEXT);
    expect(stats.series).toEqual(pointsOf(inWindow));
    expect(stats.series.map((p) => p.time)).toEqual([2_000, 4_000, 5_000]);
    expect(stats.series.map((p) => p.requestsPerSecond)).toEqual([
      { '2xx': 0, '3xx': 1, '4xx': 0, '5xx': 0 },
      { '2xx': 3, '3xx': 0, '4xx': 0, '5xx': 2 },
      { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
    ]);
    expect(stats.series[2].durationSeconds).toEqual({ p50: null, p90: null, p99: null });
  });

  test('series take the points the samples carry, and skip samples without one', () => {
    const [baseline, first, second] = samples(
      [0, []],
      [1_000, [series('GET', '/a', 200, [1, 0, 0])]],
      [2_000, [series('GET', '/a', 200, [3, 0, 0])]],
    );
    const withoutPoint: Sample = { ...first, point: undefined };
    const stats = buildStats([baseline, withoutPoint, second], [], CONTEXT);
    expect(stats.series).toEqual([second.point]);
    expect(stats.series[0]).toBe(second.point);
    // Totals still come from the baseline and the latest sample.
    expect(stats.totals.requests).toBe(3);
  });

  test('a series whose count went down (counter reset) counts as restarted from zero, never negative', () => {
    const before = series('GET', '/a', 200, [10, 0, 0]);
    const afterRestart = series('GET', '/a', 200, [2, 1, 0]);
    const inWindow = samples([0, [before]], [2_000, [afterRestart]]);
    const stats = buildStats(inWindow, [], CONTEXT);
    expect(stats.totals.requests).toBe(3);
    expect(stats.totals.requestsPerSecond).toBeCloseTo(1.5, 12);
    expect(stats.routes[0].statusCodes).toEqual({ '200': 3 });
    // buckets [2, 1, 0]: p50 rank 1.5 -> 0.1 * 1.5/2
    expect(stats.totals.durationSeconds.p50).toBeCloseTo(0.075, 12);
    expect(stats.series).toEqual(pointsOf(inWindow));
    expect(stats.series).toHaveLength(1);
    expect(stats.series[0].requestsPerSecond['2xx']).toBeCloseTo(1.5, 12);
    for (const point of stats.series) {
      for (const rate of Object.values(point.requestsPerSecond)) expect(rate).toBeGreaterThanOrEqual(0);
    }
  });

  test("a series without a status is counted under 'none', and as an error when it has an error.type", () => {
    const ok = series('GET', '/a', 200, [3, 0, 0]);
    const abortedBefore = series('GET', '/a', undefined, [0, 1, 0], 'aborted');
    const abortedAfter = series('GET', '/a', undefined, [0, 2, 0], 'aborted'); // +1
    const inWindow = samples([0, [abortedBefore]], [1_000, [ok, abortedAfter]]);
    const stats = buildStats(inWindow, [], CONTEXT);

    expect(NO_STATUS).toBe('none');
    expect(stats.routes).toHaveLength(1);
    expect(stats.routes[0].statusCodes).toEqual({ '200': 3, none: 1 });
    expect(stats.routes[0].requests).toBe(4);
    expect(stats.routes[0].requestsSinceStart).toBe(5);
    expect(stats.routes[0].errorRate).toBeCloseTo(1 / 4, 12);
    expect(stats.totals.errorRate).toBeCloseTo(1 / 4, 12);
    // In no status class on the chart, which only has the 2xx.
    expect(stats.series).toEqual(pointsOf(inWindow));
    expect(stats.series[0].requestsPerSecond).toEqual({ '2xx': 3, '3xx': 0, '4xx': 0, '5xx': 0 });
  });

  test("a series without a status nor an error.type is under 'none' but no error", () => {
    const inWindow = samples([0, []], [1_000, [series('GET', '/a', undefined, [1, 0, 0])]]);
    const stats = buildStats(inWindow, [], CONTEXT);
    expect(stats.routes[0].statusCodes).toEqual({ [NO_STATUS]: 1 });
    expect(stats.routes[0].errorRate).toBe(0);
  });
});
