import { describe, expect, test } from 'vitest';
import { FrameRing } from '../collect/frame-ring.js';
import { actionSeries, series, tick, times } from '../testing/http-series-fixtures.js';
import { START } from '../testing/stats-context.js';
import { RouteAccumulator } from './route-accumulator.js';
import { aggregateOf, routeKey, windowAggregate, windowRoute, type WindowAggregate } from './window-aggregate.js';
import { allFrames } from './window-frames.js';


/** What an aggregate says, as plain data. */
function summary(aggregate: WindowAggregate) {
  return {
    coveredSeconds: aggregate.coveredSeconds,
    // By key: a row that leaves the window and comes back is a new entry of the map.
    routes: [...aggregate.routes].sort(([a], [b]) => a.localeCompare(b)).map(([key, row]) => [key, row.toRouteStats(aggregate.coveredSeconds)]),
    total: aggregate.total.toRouteStats(aggregate.coveredSeconds),
    serverActions: [...aggregate.serverActions].sort(([a], [b]) => a.localeCompare(b)).map(([name, row]) => [name, row.toStats(aggregate.coveredSeconds)]),
  };
}

describe('windowAggregate and windowRoute', () => {
  test('equal every frame added up again, tick after tick, as frames complete and leave the ring', () => {
    const ring = new FrameRing(5_000);
    for (let second = 1; second <= 400; second++) {
      const frame = tick(START + second * 1000, [
        series('GET', '/a', second % 9 === 0 ? 500 : 200, times(1 + (second % 3), 0.001 * (1 + (second % 50))), second % 9 === 0 ? '500' : undefined),
        series('POST', second % 2 === 0 ? '/b' : undefined, 404, [0.02]),
        // Zeros alone, zeros beside values, and once durations too far apart for scale 5, which
        // must not leave the window coarser once they have left it.
        series('GET', '/zeros', 200, second % 7 === 0 ? [0, 0.001 * (1 + (second % 5))] : [0]),
        ...(second === 40 ? [series('GET', '/extreme', 200, [1e-7, 7_200])] : []),
      ]);
      if (second % 4 === 0) frame.serverActions.set('create', actionSeries('create', 'lib/a.ts', [0.05 + second / 1e4]));
      ring.add(frame);
      const expected = summary(aggregateOf(allFrames(ring)));
      expect(summary(windowAggregate(ring)), `second ${second}`).toEqual(expected);
      for (const [method, route] of [['GET', '/a'], ['POST', '/b'], ['POST', undefined], ['PUT', '/never']] as const) {
        const { row, coveredSeconds } = windowRoute(ring, method, route);
        const fromAll = expected.routes.find(([key]) => key === routeKey(method, route))?.[1];
        expect(coveredSeconds).toBe(expected.coveredSeconds);
        expect(row.toRouteStats(coveredSeconds), `${method} ${route} at second ${second}`).toEqual(fromAll ?? new RouteAccumulator(method, route).toRouteStats(coveredSeconds));
      }
    }
  });

  test('a total of thousands of series slides to the same answer as it drops what left in bulk', () => {
    // 40 series a second in one-second steps: the window's total holds 2,400, and each frame that
    // leaves takes out its oldest 40. Durations shrink by one bucket (2^(1/32)) a second, each just
    // above its bucket's lower boundary, so the p99 is the total's max clamping its bucket's midpoint:
    // it is the longest duration of the 60 seconds the window holds.
    const ring = new FrameRing(1_000);
    for (let second = 1; second <= 150; second++) {
      const duration = 2 ** (-second / 32) * 1.000001;
      ring.add(tick(START + second * 1000, Array.from({ length: 40 }, (_, i) => series('GET', `/r${i}`, 200, [duration]))));
      const { total } = summary(windowAggregate(ring));
      expect(total, `second ${second}`).toEqual(summary(aggregateOf(allFrames(ring))).total);
      if (second > 70) expect(total.durationSeconds.p99, `second ${second}`).toBe(2 ** (-(second - 59) / 32) * 1.000001);
    }
  });

  test('each answer gets its own copy: adding to it leaves the cache as it was', () => {
    const ring = new FrameRing(1_000);
    ring.add(tick(START + 1_000, [series('GET', '/a', 200, [0.01])]));
    ring.add(tick(START + 2_000, [series('GET', '/a', 200, [0.01])]));
    const first = windowAggregate(ring);
    first.routes.get(routeKey('GET', '/a'))!.requestsSinceStart += 100;
    first.routes.get(routeKey('GET', '/a'))!.add(series('GET', '/a', 500, [1], '500'));
    first.total.add(series('GET', '/a', 500, [1], '500'));
    expect(summary(windowAggregate(ring))).toEqual(summary(aggregateOf(allFrames(ring))));
  });
});
