import { describe, expect, test } from 'vitest';
import { FrameRing } from '../collect/frame-ring.js';
import type { SeriesTotal } from '../collect/history.js';
import { series, tick, times } from '../testing/http-series-fixtures.js';
import { FIVE_MINUTES, START } from '../testing/stats-context.js';
import { buildRouteStats, LATENCY_DISTRIBUTION_BARS, type RouteStatsContext } from './build-route-stats.js';
import { buildStats } from './build-stats.js';
import { NO_STATUS } from './status-codes.js';

function context(method: string, route: string | undefined, extra: Partial<RouteStatsContext> = {}): RouteStatsContext {
  return {
    serviceName: 'meterboard-test',
    instanceId: 'instance-1',
    window: FIVE_MINUTES,
    since: undefined,
    method,
    route,
    seriesTotals: new Map(),
    errorGroups: new Map(),
    ...extra,
  };
}

// Two complete 5 s steps and one in progress, 12 s of history, with neighbours of /orders/[id] that
// must not leak into it: another method, another route, and the unmatched requests.
const ring = new FrameRing(5_000);
ring.add(
  tick(START + 2_000, [
    series('GET', '/orders/[id]', 200, times(5, 0.01)),
    series('GET', '/orders/[id]', 404, times(2, 0.002)),
    series('GET', '/orders', 200, times(10, 0.05)),
    series('POST', '/orders/[id]', 201, times(3, 0.1)),
  ], 2),
);
ring.add(
  tick(START + 10_000, [
    series('GET', '/orders/[id]', 200, times(3, 0.02)),
    series('GET', '/orders/[id]', 500, [0.3], '500'),
    series('GET', undefined, 404, times(4, 0.001)),
  ], 5),
);
ring.add(
  tick(START + 15_000, [
    series('GET', '/orders/[id]', undefined, [1.5], 'aborted'),
    series('GET', undefined, 404, times(2, 0.001)),
  ], 5),
);
const totals = new Map<string, SeriesTotal>([
  ['a', { method: 'GET', route: '/orders/[id]', status: 200, errorType: undefined, count: 40 }],
  ['b', { method: 'GET', route: '/orders/[id]', status: 404, errorType: undefined, count: 5 }],
  ['c', { method: 'GET', route: undefined, status: 404, errorType: undefined, count: 9 }],
  ['d', { method: 'POST', route: '/orders/[id]', status: 201, errorType: undefined, count: 3 }],
]);

describe('buildRouteStats', () => {
  test.each<[string, string | undefined, number, Record<string, number>, number | null, number]>([
    // method, route, requests in the window, by status code, error rate, requests since start
    ['GET', '/orders/[id]', 12, { 200: 8, 404: 2, 500: 1, [NO_STATUS]: 1 }, 2 / 12, 45],
    ['POST', '/orders/[id]', 3, { 201: 3 }, 0, 3],
    ['GET', '/orders', 10, { 200: 10 }, 0, 0],
    ['GET', undefined, 6, { 404: 6 }, 0, 9],
    // Never requested: not an error, just nothing to show.
    ['DELETE', '/orders/[id]', 0, {}, null, 0],
    ['GET', '/no/such/route', 0, {}, null, 0],
  ])('%s %s: only its own requests, %d in the window', (method, route, requests, statusCodes, errorRate, sinceStart) => {
    const detail = buildRouteStats(ring, context(method, route, { seriesTotals: totals }));
    expect(detail.route.method).toBe(method);
    expect(detail.route.route).toBe(route ?? null);
    expect(detail.route.requests).toBe(requests);
    expect(detail.route.requestsPerSecond).toBeCloseTo(requests / 12);
    expect(detail.route.statusCodes).toEqual(statusCodes);
    if (errorRate === null) expect(detail.route.errorRate).toBeNull();
    else expect(detail.route.errorRate).toBeCloseTo(errorRate);
    expect(detail.route.requestsSinceStart).toBe(sinceStart);
    // The distribution holds exactly the route's requests, and so do the chart points.
    expect(detail.latencyDistribution.reduce((sum, bar) => sum + bar.count, 0)).toBe(requests);
    const pointRequests = detail.points.reduce(
      (sum, point) => sum + Object.values(point.requestsPerSecond).reduce((a, b) => a + b, 0) * point.seconds,
      0,
    );
    // Requests without a status have no status class, so the rate chart leaves them out.
    expect(pointRequests).toBeCloseTo(requests - (statusCodes[NO_STATUS] ?? 0));
  });

  test('the same numbers as the route\'s row of /api/stats', () => {
    const { serviceName, instanceId, window, since } = context('GET', undefined);
    const stats = buildStats(ring, { serviceName, instanceId, window, since, startTime: START, now: START + 12_000, seriesTotals: totals, runtime: null, instruments: [], overflowingInstruments: [], errorGroups: new Map() });
    expect(stats.routes.length).toBe(4);
    for (const row of stats.routes) {
      expect(buildRouteStats(ring, context(row.method, row.route ?? undefined, { seriesTotals: totals })).route).toEqual(row);
    }
  });

  test('percentiles and the distribution span the route\'s durations, in bars ordered fastest first', () => {
    const { route, latencyDistribution } = buildRouteStats(ring, context('GET', '/orders/[id]'));
    expect(route.durationSeconds.p50).toBeCloseTo(0.01, 3);
    expect(route.durationSeconds.p99).toBe(1.5);
    expect(latencyDistribution.length).toBeLessThanOrEqual(LATENCY_DISTRIBUTION_BARS);
    expect(latencyDistribution[0].lower).toBeLessThanOrEqual(0.002);
    expect(latencyDistribution.at(-1)!.upper).toBeGreaterThanOrEqual(1.5);
    for (let i = 1; i < latencyDistribution.length; i++) expect(latencyDistribution[i].lower).toBeCloseTo(latencyDistribution[i - 1].upper, 12);
  });

  test('one point per step, each of the route alone: rates by status class and error rate', () => {
    const { points } = buildRouteStats(ring, context('GET', '/orders/[id]'));
    expect(points.map((point) => [point.time, point.seconds, point.partial])).toEqual([
      [START, 2, false],
      [START + 5_000, 5, false],
      [START + 10_000, 5, true],
    ]);
    expect(points[0].requestsPerSecond).toEqual({ '2xx': 5 / 2, '3xx': 0, '4xx': 2 / 2, '5xx': 0 });
    expect(points[0].errorRate).toBe(0);
    expect(points[1].requestsPerSecond).toEqual({ '2xx': 3 / 5, '3xx': 0, '4xx': 0, '5xx': 1 / 5 });
    expect(points[1].errorRate).toBeCloseTo(1 / 4);
    expect(points[2].errorRate).toBe(1);
  });

  test('with since, only the points that start after it; the totals stay those of the window', () => {
    const full = buildRouteStats(ring, context('GET', '/orders/[id]'));
    const incremental = buildRouteStats(ring, context('GET', '/orders/[id]', { since: START }));
    expect(incremental.points.map((point) => point.time)).toEqual([START + 5_000, START + 10_000]);
    expect(incremental.since).toBe(START);
    expect(incremental.route).toEqual(full.route);
    expect(incremental.latencyDistribution).toEqual(full.latencyDistribution);
  });

  test('a route without requests answers zeros, nulls and no bars, not NaN', () => {
    const detail = buildRouteStats(ring, context('PUT', '/orders/[id]'));
    expect(detail.route).toEqual({
      method: 'PUT',
      route: '/orders/[id]',
      requests: 0,
      requestsSinceStart: 0,
      requestsPerSecond: 0,
      errorRate: null,
      statusCodes: {},
      durationSeconds: { p50: null, p90: null, p95: null, p99: null },
    });
    expect(detail.latencyDistribution).toEqual([]);
    expect(detail.points.every((point) => point.errorRate === null && point.durationSeconds.p50 === null)).toBe(true);
  });

  test('an empty history: nothing covered, no points', () => {
    const detail = buildRouteStats(new FrameRing(5_000), context('GET', '/orders/[id]'));
    expect(detail.coveredSeconds).toBe(0);
    expect(detail.points).toEqual([]);
    expect(detail.route.requestsPerSecond).toBe(0);
    expect(detail.service).toEqual({ name: 'meterboard-test', instanceId: 'instance-1' });
    expect(detail.window).toBe(FIVE_MINUTES);
  });
});
