import { describe, expect, test } from 'vitest';
import { FrameRing } from '../collect/frame-ring.js';
import type { FrameOutgoingSeries } from '../collect/frame.js';
import { createLatencyHistogram } from '../collect/latency-histogram.js';
import { ErrorGroups } from '../record/error-groups.js';
import { series, tick, times } from '../testing/http-series-fixtures.js';
import { buildRouteStats } from './build-route-stats.js';
import { START, statsContext } from '../testing/stats-context.js';
import { buildStats } from './build-stats.js';
import { ERROR_GROUPS_SHOWN, windowErrors } from './error-stats.js';

function call(host: string, port: number, route: string | undefined, durations: readonly number[], status?: number, errorType?: string): FrameOutgoingSeries {
  const latency = createLatencyHistogram();
  for (const duration of durations) latency.record(duration);
  return { method: 'GET', host, port, status, errorType, route, latency };
}

// Two ticks: /checkout calls the payment provider (one 503) and /quote the rates service, slowly;
// /checkout fails twice with one bug (two order ids), /quote once with another.
const groups = new ErrorGroups();
const declined = (order: number) => groups.record({ method: 'POST', route: '/checkout', serverAction: undefined, errorType: 'PaymentDeclinedError', error: new Error(`order ${order} declined`) }, START + 1_000);
const ring = new FrameRing(5_000);
const first = tick(START + 2_000, [series('POST', '/checkout', 500, [0.2], 'PaymentDeclinedError'), series('GET', '/quote', 200, times(2, 0.4))], 2);
declined(1001);
first.errors.set(...[...groups.drain()][0]);
first.outgoing.set('a', call('pay.example', 443, '/checkout', [0.05, 0.06], 201));
first.outgoing.set('b', call('pay.example', 443, '/checkout', [0.04], 503, '503'));
first.outgoing.set('c', call('rates.example', 443, '/quote', [0.3, 0.35]));
ring.add(first);
const second = tick(START + 10_000, [series('POST', '/checkout', 500, [0.3], 'PaymentDeclinedError'), series('GET', '/quote', 500, [0.1], 'TypeError')], 5);
declined(1002);
groups.record({ method: 'GET', route: '/quote', serverAction: undefined, errorType: 'TypeError', error: new TypeError('zone undefined') }, START + 9_000);
for (const [key, count] of groups.drain()) second.errors.set(key, count);
second.outgoing.set('a', call('pay.example', 443, '/checkout', [0.07], 201));
second.outgoing.set('d', call('rates.example', 443, undefined, [0.5]));
ring.add(second);

const context = statsContext({ serviceName: 'test', now: START + 10_000, errorGroups: groups.all() });

describe('errors and outgoing calls in /api/stats', () => {
  const stats = buildStats(ring, context);

  test('errors by group over the window, most first, with first and last seen and the latest message', () => {
    expect(stats.errors!.groupCount).toBe(2);
    expect(stats.errors!.groups.map((group) => [group.errorType, group.message, group.count])).toEqual([
      ['PaymentDeclinedError', 'order <n> declined', 2],
      ['TypeError', 'zone undefined', 1],
    ]);
    expect(stats.errors!.groups[0]).toMatchObject({ method: 'POST', route: '/checkout', latestMessage: 'order 1002 declined', firstSeen: new Date(START + 1_000).toISOString() });
  });

  test('outgoing calls by host over every route, with error rate and percentiles', () => {
    expect(stats.outgoing.map((host) => [host.host, host.port, host.calls, host.errorRate])).toEqual([
      ['pay.example', 443, 4, 0.25],
      ['rates.example', 443, 3, 0],
    ]);
    const rates = stats.outgoing[1];
    expect(rates.callsPerSecond).toBeCloseTo(3 / 7);
    expect(rates.durationSeconds.p99).toBeGreaterThan(stats.outgoing[0].durationSeconds.p99!);
  });

  test("a route's page: only the hosts it called, their share of its time, and only its errors", () => {
    const quote = buildRouteStats(ring, { ...context, method: 'GET', route: '/quote' });
    // Its two calls of 0.3 and 0.35 s (the rates call outside any route is not its own) over its 0.9 s of requests, every method's.
    expect(quote.outgoing.map((host) => [host.host, host.calls])).toEqual([['rates.example', 2]]);
    expect(quote.outgoing[0].waitingShare).toBeCloseTo(0.65 / 0.9, 2);
    expect(quote.errors.groups.map((group) => group.errorType)).toEqual(['TypeError']);

    const checkout = buildRouteStats(ring, { ...context, method: 'POST', route: '/checkout' });
    expect(checkout.outgoing.map((host) => [host.host, host.calls, host.errorRate])).toEqual([['pay.example', 4, 0.25]]);
    expect(checkout.errors.groups.map((group) => group.count)).toEqual([2]);
    // A call knows its route template, not the request's method: the template's page under another
    // method lists the same calls, and its errors are its own (none).
    const get = buildRouteStats(ring, { ...context, method: 'GET', route: '/checkout' });
    expect(get.outgoing).toEqual(checkout.outgoing);
    expect(get.errors.groups).toEqual([]);
  });
});

describe('windowErrors', () => {
  test(`lists at most ${ERROR_GROUPS_SHOWN} groups, the most frequent, and counts them all`, () => {
    const many = new ErrorGroups();
    const counts = new Map<string, number>();
    for (let i = 0; i < ERROR_GROUPS_SHOWN + 5; i++) {
      const group = many.record({ method: 'GET', route: `/r${'x'.repeat(i)}`, serverAction: undefined, errorType: 'Error', error: new Error('boom') });
      counts.set(group.key, i + 1);
    }
    const errors = windowErrors(counts, many.all());
    expect(errors.groupCount).toBe(ERROR_GROUPS_SHOWN + 5);
    expect(errors.groups.length).toBe(ERROR_GROUPS_SHOWN);
    expect(errors.groups[0].count).toBe(ERROR_GROUPS_SHOWN + 5);
    expect(errors.groups.at(-1)!.count).toBe(6);
  });
});
