// A history of an app whose routes are busy every second, and the stats answers over it as
// queryStats gives them, for the stats and growth scenarios.
import { performance } from 'node:perf_hooks';
import type { Attributes } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { History, SAMPLE_INTERVAL_MS } from '../src/collect/history.js';
import { createLatencyHistogram } from '../src/collect/latency-histogram.js';
import type { StatsContext } from '../src/query/build-stats.js';
import { historyContext } from '../src/query/history-context.js';
import { prepareWindow } from '../src/query/prepare-window.js';
import type { WindowInfo } from '../src/query/stats-types.js';
import type { WindowFrames } from '../src/query/window-frames.js';
import type { HttpServerRecorder } from '../src/record/http-server-metrics.js';
import { mulberry32 } from '../src/testing/latency-samples.js';
import { TestReader } from '../src/testing/test-reader.js';

/** Every drain: each route answered 200 five times and 404 once, durations log-uniform over 1–200 ms. */
function busyRecorder(routes: number): Pick<HttpServerRecorder, 'drain'> {
  const random = mulberry32(3);
  const series: Array<{ attributes: Attributes; count: number }> = [];
  for (let route = 0; route < routes; route++) {
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

/** The history of `routes` routes (two series each) busy every second, sampled second by second from 0. */
export class BusyHistory {
  readonly history: History;
  /** Epoch milliseconds of the latest sample. */
  now = 0;

  constructor(routes: number) {
    const reader = new TestReader();
    new MeterProvider({ readers: [reader] });
    this.history = new History(reader, { http: busyRecorder(routes) }, 0);
  }

  /** Samples `seconds` more seconds of traffic. */
  async advance(seconds: number): Promise<void> {
    for (let second = 0; second < seconds; second++) await this.history.sample((this.now += SAMPLE_INTERVAL_MS));
  }

  /** What queryStats passes to buildStats for `window`. */
  context(window: WindowInfo, since: number | undefined): StatsContext {
    return { serviceName: 'bench', instanceId: 'bench', startTime: 0, now: this.now, window, since, ...historyContext(this.history), errorGroups: new Map() };
  }
}

export interface Answered<T> {
  value: T;
  /** From the request to the answer, milliseconds. */
  ms: number;
  /** The longest the event loop was held in between, milliseconds. */
  blockedMs: number;
}

/**
 * Answers as queryStats does (prepareWindow, then `build`) beside a probe that does nothing but
 * give the event loop back: the longest gap between the probe's turns is the longest the answer held
 * the loop, which is what a request arriving meanwhile would wait.
 */
export async function answer<T>(frames: WindowFrames, since: number | undefined, build: () => T): Promise<Answered<T>> {
  let answering = true;
  let blockedMs = 0;
  const probe = (async () => {
    let last = performance.now();
    while (answering) {
      await new Promise((resolve) => setImmediate(resolve));
      const now = performance.now();
      blockedMs = Math.max(blockedMs, now - last);
      last = now;
    }
  })();
  const start = performance.now();
  await prepareWindow(frames, { points: true, since });
  const value = build();
  const ms = performance.now() - start;
  answering = false;
  await probe;
  return { value, ms, blockedMs };
}
