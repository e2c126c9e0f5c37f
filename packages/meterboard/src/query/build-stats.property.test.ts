import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FrameRing } from '../collect/frame-ring.js';
import { series, tick } from '../testing/http-series-fixtures.js';
import { mergeStats } from '../dashboard/merge-stats.js';
import { FIVE_MINUTES, START, statsContext } from '../testing/stats-context.js';
import { buildStats } from './build-stats.js';

// Properties of the dashboard's numbers over arbitrary traffic: any routes (hostile strings too),
// methods, statuses and durations (a template always starts with "/"), spread over up to a minute of one-second ticks.

const seriesArbitrary = fc.record({
  method: fc.constantFrom('GET', 'POST', 'DELETE'),
  route: fc.option(fc.oneof(fc.constantFrom('/orders', '/orders/[id]'), fc.string({ unit: 'binary', maxLength: 30 }).map((rest) => `/${rest}`)), { nil: undefined }),
  status: fc.option(fc.constantFrom(200, 201, 304, 404, 500, 503), { nil: undefined }),
  durations: fc.array(fc.double({ min: 1e-5, max: 30, noNaN: true }), { minLength: 1, maxLength: 20 }),
});
// One tick per second; each holds distinct series (the history keys them by attribute set).
const ticksArbitrary = fc.array(fc.uniqueArray(seriesArbitrary, { selector: (s) => JSON.stringify([s.method, s.route, s.status]), maxLength: 6 }), { minLength: 1, maxLength: 60 });

type TrafficSeries = typeof seriesArbitrary extends fc.Arbitrary<infer T> ? T : never;

function statsOf(ticks: ReadonlyArray<readonly TrafficSeries[]>, since?: number) {
  const ring = new FrameRing(FIVE_MINUTES.stepSeconds * 1000);
  ticks.forEach((list, i) => {
    ring.add(tick(START + (i + 1) * 1000, list.map((s) => series(s.method, s.route, s.status, s.durations, s.status !== undefined && s.status >= 500 ? String(s.status) : undefined))));
  });
  const context = statsContext({ now: START + ticks.length * 1000 + 500, since });
  return buildStats(ring, context);
}

describe('buildStats, for any traffic', () => {
  test('every request is counted once: in the totals, in its route row and in its status code', () => {
    fc.assert(
      fc.property(ticksArbitrary, (ticks) => {
        const stats = statsOf(ticks);
        const recorded = ticks.flat().reduce((sum, s) => sum + s.durations.length, 0);
        expect(stats.totals.requests).toBe(recorded);
        expect(stats.routes.reduce((sum, row) => sum + row.requests, 0)).toBe(recorded);
        for (const row of stats.routes) {
          expect(Object.values(row.statusCodes).reduce((sum, count) => sum + count, 0)).toBe(row.requests);
          if (row.errorRate !== null) {
            expect(row.errorRate).toBeGreaterThanOrEqual(0);
            expect(row.errorRate).toBeLessThanOrEqual(1);
          }
        }
        // Route templates come back exactly as recorded, whatever characters they hold.
        const routes = new Set(ticks.flat().map((s) => `${s.method} ${s.route ?? null}`));
        expect(new Set(stats.routes.map((row) => `${row.method} ${row.route}`))).toEqual(routes);
        // The chart's rates by status class, times their step lengths, add up to the requests that got a status
        // (one whose client left before the headers has none, and no class).
        const answered = ticks.flat().reduce((sum, s) => sum + (s.status === undefined ? 0 : s.durations.length), 0);
        const charted = stats.points.reduce((sum, point) => sum + Object.values(point.requestsPerSecond).reduce((a, b) => a + b, 0) * point.seconds, 0);
        expect(charted).toBeCloseTo(answered, 6);
      }),
    );
  });

  test('p50 ≤ p90 ≤ p95 ≤ p99 for the totals and every route', () => {
    fc.assert(
      fc.property(ticksArbitrary, (ticks) => {
        const stats = statsOf(ticks);
        for (const { p50, p90, p95, p99 } of [stats.totals.durationSeconds, ...stats.routes.map((row) => row.durationSeconds)]) {
          if (p50 === null) continue;
          expect(p50).toBeLessThanOrEqual(p90!);
          expect(p90).toBeLessThanOrEqual(p95!);
          expect(p95).toBeLessThanOrEqual(p99!);
        }
      }),
    );
  });

  test('an incremental answer merged into the one held equals the full answer', () => {
    fc.assert(
      fc.property(ticksArbitrary, fc.nat(), (ticks, cut) => {
        const full = statsOf(ticks);
        fc.pre(full.points.length > 1);
        const held = { ...full, points: full.points.slice(0, 1 + (cut % (full.points.length - 1))) };
        const incremental = statsOf(ticks, held.points.at(-1)!.time);
        expect(mergeStats(held, incremental)).toEqual(full);
      }),
    );
  });
});
