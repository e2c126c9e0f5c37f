import { describe, expect, test } from 'vitest';
import { FrameRing } from '../collect/frame-ring.js';
import type { SeriesTotal } from '../collect/history.js';
import { actionSeries, series, tick, times } from '../testing/http-series-fixtures.js';
import { START, statsContext } from '../testing/stats-context.js';
import { buildStats } from './build-stats.js';
import { NO_STATUS } from './status-codes.js';

/** A ring of 5 s steps fed with `ticks`. */
function ringOf(...ticks: ReturnType<typeof tick>[]): FrameRing {
  const ring = new FrameRing(5_000);
  for (const t of ticks) ring.add(t);
  return ring;
}

describe('requests Next refused before the app ran', () => {
  // 10 served (one of them the app's 500) next to 90 TRACE that Next answered 500 on its own.
  const ring = ringOf(
    tick(START + 1_000, [
      series('GET', '/api/health', 200, times(9, 0.01)),
      series('GET', '/api/health', 500, [0.02], '500'),
      series('TRACE', '/api/health', 500, times(90, 0.001), 'rejected.unsupported_method'),
    ]),
  );
  const stats = buildStats(ring, statsContext());

  test('count as requests and in the 5xx rate, but neither as errors nor as served requests', () => {
    expect(stats.totals.requests).toBe(100);
    expect(stats.totals.errorRate).toBeCloseTo(1 / 10);
    const trace = stats.routes.find((row) => row.method === 'TRACE')!;
    expect(trace.requests).toBe(90);
    expect(trace.statusCodes).toEqual({ 500: 90 });
    expect(trace.errorRate).toBeNull();
    const [point] = stats.points;
    expect(point.errorRate).toBeCloseTo(1 / 10);
    expect(point.requestsPerSecond['5xx']).toBe(91);
  });
});

describe('buildStats over a window', () => {
  const ring = new FrameRing(5_000);
  // Step [START, START+5s): 10 fast 200s and two 500s; step [+5s, +10s): 4 POSTs and 6 unmatched 404s.
  ring.add(tick(START + 1_000, [series('GET', '/orders', 200, times(10, 0.01)), series('GET', '/orders', 500, [0.2, 0.4], '500')]));
  ring.add(tick(START + 4_000, [], 3));
  ring.add(tick(START + 7_000, [series('POST', '/orders', 201, times(4, 0.05))], 2));
  ring.add(tick(START + 8_000, [series('GET', undefined, 404, times(6, 0.001))], 1, 3));
  const totals = new Map<string, SeriesTotal>([
    ['a', { method: 'GET', route: '/orders', status: 200, errorType: undefined, count: 110 }],
    ['b', { method: 'GET', route: '/health', status: 200, errorType: undefined, count: 7 }],
  ]);
  const stats = buildStats(ring, statsContext({ seriesTotals: totals }));

  test('describes the process and the window', () => {
    expect(stats.service).toEqual({ name: 'meterboard-test', instanceId: 'instance-1' });
    expect(stats.startTime).toBe('2024-01-02T03:04:00.000Z');
    expect(stats.uptimeSeconds).toBe(90);
    expect(stats.window).toEqual({ name: '5m', seconds: 300, stepSeconds: 5 });
    expect(stats.coveredSeconds).toBe(7);
    expect(stats.since).toBeNull();
  });

  test('totals count the requests of every frame, including the one in progress', () => {
    expect(stats.totals.requests).toBe(22);
    expect(stats.totals.requestsPerSecond).toBeCloseTo(22 / 7);
    expect(stats.totals.errorRate).toBeCloseTo(2 / 22);
    expect(stats.totals.inFlight).toBe(3);
    expect(stats.totals.requestsSinceStart).toBe(117);
  });

  test('one row per method and route, most requests first, with status codes and percentiles', () => {
    expect(stats.routes.map((row) => [row.method, row.route, row.requests, row.requestsSinceStart])).toEqual([
      ['GET', '/orders', 12, 110],
      ['GET', null, 6, 0],
      ['POST', '/orders', 4, 0],
      ['GET', '/health', 0, 7],
    ]);
    const orders = stats.routes[0];
    expect(orders.statusCodes).toEqual({ 200: 10, 500: 2 });
    expect(orders.errorRate).toBeCloseTo(2 / 12);
    expect(orders.durationSeconds.p50).toBeCloseTo(0.01, 3);
    expect(orders.durationSeconds.p99).toBeCloseTo(0.4, 2);
    expect(stats.routes[3].errorRate).toBeNull();
    expect(stats.routes[3].durationSeconds).toEqual({ p50: null, p90: null, p95: null, p99: null });
  });

  test('one point per step: complete ones, then the partial one in progress', () => {
    expect(stats.points.map((point) => [point.time, point.seconds, point.partial])).toEqual([
      [START, 4, false],
      [START + 5_000, 3, true],
    ]);
    const [first, second] = stats.points;
    expect(first.requestsPerSecond).toEqual({ '2xx': 10 / 4, '3xx': 0, '4xx': 0, '5xx': 2 / 4 });
    expect(first.errorRate).toBeCloseTo(2 / 12);
    expect(second.requestsPerSecond).toEqual({ '2xx': 4 / 3, '3xx': 0, '4xx': 6 / 3, '5xx': 0 });
    expect(second.errorRate).toBe(0);
    expect(second.activeRequests).toBe(3);
  });

  test('with since, only points that start after it', () => {
    const incremental = buildStats(ring, statsContext({ since: START, seriesTotals: totals }));
    expect(incremental.points.map((point) => point.time)).toEqual([START + 5_000]);
    expect(incremental.since).toBe(START);
    expect(incremental.totals).toEqual(stats.totals);
  });

  test('a request that never got a status counts under "none" and as an error', () => {
    const aborted = ringOf(tick(START + 1_000, [series('GET', '/slow', undefined, [2], 'aborted')]));
    const row = buildStats(aborted, statsContext()).routes[0];
    expect(row.statusCodes).toEqual({ [NO_STATUS]: 1 });
    expect(row.errorRate).toBe(1);
  });

  test('server actions by name: calls, errors and percentiles over the window, most calls first', () => {
    const withActions = ringOf(
      tick(START + 1_000, []),
      tick(START + 2_000, []),
    );
    const current = withActions.currentFrame()!;
    current.serverActions.set('ok', actionSeries('createOrder', 'lib/orders/actions.ts', times(3, 0.02)));
    current.serverActions.set('failed', actionSeries('createOrder', 'lib/orders/actions.ts', [0.5], '500'));
    current.serverActions.set('other', actionSeries('_OTHER', undefined, [0.001]));
    const { serverActions } = buildStats(withActions, statsContext());
    expect(serverActions.map(({ name, file, requests, errorRate }) => ({ name, file, requests, errorRate }))).toEqual([
      { name: 'createOrder', file: 'lib/orders/actions.ts', requests: 4, errorRate: 0.25 },
      { name: '_OTHER', file: null, requests: 1, errorRate: 0 },
    ]);
    expect(serverActions[0].requestsPerSecond).toBe(2);
    expect(serverActions[0].durationSeconds.p50).toBeCloseTo(0.02, 3);
    expect(serverActions[0].durationSeconds.p99).toBeCloseTo(0.5, 2);
  });

  test('an empty history answers zeros and nulls, not NaN', () => {
    const empty = buildStats(new FrameRing(5_000), statsContext());
    expect(empty.points).toEqual([]);
    expect(empty.coveredSeconds).toBe(0);
    expect(empty.totals).toEqual({
      requests: 0,
      requestsSinceStart: 0,
      requestsPerSecond: 0,
      errorRate: null,
      inFlight: 0,
      durationSeconds: { p50: null, p90: null, p95: null, p99: null },
    });
  });
});
