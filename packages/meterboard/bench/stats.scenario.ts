// Stats cost: building /api/stats over the longest window (1 h, every ring full) for an app with 50
// routes busy every second, as the dashboard polls it: the first full answer, the next full ones,
// and the incremental polls it makes every second; with the size of each answer, raw and gzipped.
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import type { Attributes } from '@opentelemetry/api';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { test } from 'vitest';
import { History, SAMPLE_INTERVAL_MS } from '../src/collect/history.js';
import { createLatencyHistogram } from '../src/collect/latency-histogram.js';
import { buildStats, type StatsContext } from '../src/query/build-stats.js';
import { sinceOf } from '../src/dashboard/merge-stats.js';
import { WINDOW_POINTS, WINDOWS, windowNamed } from '../src/query/windows.js';
import type { HttpServerRecorder } from '../src/record/http-server-metrics.js';
import { mulberry32 } from '../src/testing/latency-samples.js';
import { median, report, round, SHORT } from './report.js';

class CollectOnlyReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

const ROUTES = 50;
const HOUR = windowNamed('1h')!;
const SECONDS = SHORT ? 180 : (WINDOW_POINTS + 1) * HOUR.stepSeconds;
const ROUNDS = SHORT ? 3 : 31;

/** Every drain: each route answered 200 five times and 404 once, durations log-uniform over 1–200 ms. */
function busyRecorder(): HttpServerRecorder {
  const random = mulberry32(3);
  const series: Array<{ attributes: Attributes; count: number }> = [];
  for (let route = 0; route < ROUTES; route++) {
    for (const [status, count] of [[200, 5], [404, 1]] as const) {
      series.push({
        attributes: { 'http.request.method': 'GET', 'url.scheme': 'http', 'http.route': `/api/resource-${route}/[id]`, 'http.response.status_code': status },
        count,
      });
    }
  }
  return {
    drain: () => ({
      http: series.map(({ attributes, count }) => {
        const latency = createLatencyHistogram();
        for (let i = 0; i < count; i++) latency.record(0.001 * 200 ** random());
        return { attributes, latency };
      }),
      serverActions: [],
    }),
  };
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

test('stats', async () => {
  const reader = new CollectOnlyReader();
  new MeterProvider({ readers: [reader] });
  const history = new History(reader, { http: busyRecorder() }, 0);
  let now = 0;
  for (let second = 1; second <= SECONDS; second++) await history.sample((now = second * SAMPLE_INTERVAL_MS));
  const context = (since: number | undefined): StatsContext => ({
    serviceName: 'bench',
    instanceId: 'bench',
    startTime: 0,
    now,
    window: HOUR,
    since,
    seriesTotals: history.seriesTotals(),
    runtime: history.latestRuntime(),
    instruments: history.latestInstruments(),
    overflowingInstruments: history.overflowingInstruments(),
    errorGroups: new Map(),
  });
  const ring = history.ring(HOUR.name);

  const first = timed(() => buildStats(ring, context(undefined)));
  const full: number[] = [];
  const polls = new Map(WINDOWS.map((window) => [window.name, [] as number[]]));
  const held = new Map(WINDOWS.map((window) => [window.name, buildStats(history.ring(window.name), { ...context(undefined), window })]));
  for (let r = 0; r < ROUNDS; r++) {
    full.push(timed(() => buildStats(ring, context(undefined))).ms);
    // One more second of traffic, then each window's poll: only what is newer than what it holds.
    await history.sample((now += SAMPLE_INTERVAL_MS));
    for (const window of WINDOWS) {
      const poll = timed(() => buildStats(history.ring(window.name), { ...context(sinceOf(held.get(window.name))), window }));
      polls.get(window.name)!.push(poll.ms);
      held.set(window.name, poll.value);
    }
  }
  const fullBody = JSON.stringify(first.value);
  const pollBody = JSON.stringify(held.get(HOUR.name));
  const routes = first.value.routes.length;
  const sizes = (body: string) => ({ 'JSON (KB)': round(body.length / 1024), 'gzip (KB)': round(gzipSync(body).length / 1024) });
  report({
    scenario: 'stats',
    method: `${routes} routes (2 status codes each, busy every second), ${SECONDS} s sampled so every ring is full; medians (and the slowest) over ${ROUNDS} rounds, each after one more second of traffic. A window re-adds its complete frames when one completes (every step), else only the frame in progress.`,
    rows: [
      { answer: '1h, full, first (every chart point computed)', 'median (ms)': round(first.ms), 'slowest (ms)': round(first.ms), ...sizes(fullBody) },
      { answer: '1h, full, later (complete points cached)', 'median (ms)': round(median(full)), 'slowest (ms)': round(Math.max(...full)), ...sizes(fullBody) },
      ...WINDOWS.map((window) => ({
        answer: `${window.name}, incremental poll (?since=)`,
        'median (ms)': round(median(polls.get(window.name)!)),
        'slowest (ms)': round(Math.max(...polls.get(window.name)!)),
        ...sizes(JSON.stringify(held.get(window.name))),
      })),
    ],
    targets: [
      { metric: `/api/stats, ${routes} routes, 1 h window, median of full answers`, value: median(full), unit: 'ms', limit: 2 },
      { metric: `incremental poll, ${routes} routes, 1 h window, gzipped as next start sends it`, value: gzipSync(pollBody).length / 1024, unit: 'KB', limit: 5 },
    ],
  });
});
