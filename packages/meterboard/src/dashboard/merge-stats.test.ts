import { describe, expect, test } from 'vitest';
import { instrumentKey } from '../collect/frame.js';
import { FrameRing } from '../collect/frame-ring.js';
import { buildInstrumentStats } from '../query/build-instrument-stats.js';
import { buildRouteStats } from '../query/build-route-stats.js';
import { buildStats, type StatsContext } from '../query/build-stats.js';
import type { WindowInfo } from '../query/stats-types.js';
import { WINDOWS } from '../query/windows.js';
import { histogramValue, instrumentFrame, series, tick, times } from '../testing/http-series-fixtures.js';
import { START, statsContext } from '../testing/stats-context.js';
import { mergeStats, sinceOf, type IncrementalStats } from './merge-stats.js';

function context(window: (typeof WINDOWS)[number], since: number | undefined, instanceId = 'first'): StatsContext {
  return statsContext({ serviceName: 'test', instanceId, now: START, window, since });
}

/** Feeds `ring` one tick per second, ending at second `from + 1` .. `to`, with traffic that varies per second. */
function feed(ring: FrameRing, from: number, to: number): void {
  for (let second = from + 1; second <= to; second++) {
    const status = second % 7 === 0 ? 500 : 200;
    const frame = tick(START + second * 1000, [series('GET', '/a', status, times(second % 5, 0.001 * second), status === 500 ? '500' : undefined)]);
    frame.instruments.set(
      instrumentKey({ meter: 'shop' }, 'orders.value'),
      instrumentFrame('histogram', [histogramValue({ channel: second % 3 === 0 ? 'api' : 'web' }, [10, 100], times(second % 4, second))]),
    );
    ring.add(frame);
  }
}

const ORDERS_VALUE = { meter: 'shop', name: 'orders.value', description: '', unit: 'USD', kind: 'histogram' } as const;

// The two endpoints that answer incrementally, as functions of the ring, the window and `since`.
const ENDPOINTS: Record<string, (ring: FrameRing, window: WindowInfo, since: number | undefined) => IncrementalStats> = {
  '/api/stats': (ring, window, since) => buildStats(ring, context(window, since)),
  '/api/stats/route': (ring, window, since) => {
    const { serviceName, instanceId, seriesTotals, errorGroups } = context(window, since);
    return buildRouteStats(ring, { serviceName, instanceId, window, since, seriesTotals, errorGroups, method: 'GET', route: '/a' });
  },
  '/api/stats/instrument': (ring, window, since) =>
    buildInstrumentStats(ring, {
      serviceName: 'test',
      instanceId: 'first',
      window,
      since,
      descriptors: new Map([[instrumentKey({ meter: 'shop' }, 'orders.value'), ORDERS_VALUE]]),
      instrument: ORDERS_VALUE,
      groupBy: 'channel',
      filters: [],
    }),
};

describe.each(Object.keys(ENDPOINTS).flatMap((endpoint) => WINDOWS.map((window) => [endpoint, window.name, window] as const)))(
  'incremental polling of %s, %s window',
  (endpoint, _name, window) => {
    test('merging each poll into what is held gives what a full fetch gives, across the ring wrapping', () => {
      const answer = ENDPOINTS[endpoint];
      const ring = new FrameRing(window.stepSeconds * 1000);
      let held: IncrementalStats | undefined;
      let second = 0;
      // Poll after irregular numbers of ticks, long enough for the ring to drop its oldest frames.
      for (const ticks of [3, 1, 7, 1, 30, 2, ...Array(20).fill(window.stepSeconds * 13)]) {
        feed(ring, second, second + ticks);
        second += ticks;
        held = mergeStats(held, answer(ring, window, sinceOf(held)));
        expect(held).toEqual(answer(ring, window, undefined));
      }
      // A full window: the steps since windowStart, the one in progress included.
      expect(held!.points.length).toBeGreaterThanOrEqual(60);
      expect(held!.points.length).toBeLessThanOrEqual(61);
      expect(held!.points[0].time).toBeGreaterThanOrEqual(held!.windowStart);
    });
  },
);

describe('mergeStats', () => {
  const window = WINDOWS[0];
  const ring = new FrameRing(1_000);
  feed(ring, 0, 10);
  const before = buildStats(ring, context(window, undefined));

  test('an incremental poll is small: the partial point and what completed since', () => {
    feed(ring, 10, 12);
    const next = buildStats(ring, context(window, sinceOf(before)));
    expect(next.points.length).toBe(3);
  });

  test('after a restart the new instance replaces the held points: no spike, no negative rate', () => {
    const restarted = new FrameRing(1_000);
    restarted.add(tick(START + 60_000, [series('GET', '/a', 200, [0.01])]));
    const next = buildStats(restarted, context(window, sinceOf(before), 'second'));
    const merged = mergeStats(before, next);
    expect(merged.points).toEqual(next.points);
    expect(merged.points.every((point) => Object.values(point.requestsPerSecond).every((rate) => rate >= 0 && rate <= 1))).toBe(true);
  });

  test('another window replaces the held points', () => {
    const other = buildStats(ring, context(WINDOWS[1], undefined));
    expect(mergeStats(before, other)).toBe(other);
  });

  test('sinceOf is the last complete point, undefined without one', () => {
    expect(sinceOf(undefined)).toBeUndefined();
    expect(sinceOf(before)).toBe(before.points[before.points.length - 2].time);
    expect(sinceOf({ ...before, points: before.points.slice(-1) })).toBeUndefined();
  });
});
