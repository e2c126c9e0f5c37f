import type { Attributes } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { describe, expect, test } from 'vitest';
import type { HttpServerRecorder } from '../record/http-server-metrics.js';
import { METRIC_HTTP_SERVER_ACTIVE_REQUESTS } from '../record/http-instruments.js';
import { METER_NAME, METER_VERSION } from '../scope.js';
import { WINDOWS } from '../query/windows.js';
import { History } from './history.js';
import { createLatencyHistogram } from './latency-histogram.js';
import { TestReader } from '../testing/test-reader.js';

const OK: Attributes = { 'http.request.method': 'GET', 'url.scheme': 'http', 'http.route': '/a', 'http.response.status_code': 200 };

/** A recorder whose next drain returns `durations` (seconds) as one series, then nothing. */
function recorderOf(queue: number[][]): Pick<HttpServerRecorder, 'drain'> {
  return {
    drain() {
      const durations = queue.shift() ?? [];
      const latency = createLatencyHistogram();
      for (const duration of durations) latency.record(duration);
      return { http: durations.length === 0 ? [] : [{ attributes: OK, latency }], serverActions: [] };
    },
  };
}

describe('History', () => {
  test('each sample lands in every window, with active requests, app instruments and totals since start', async () => {
    const reader = new TestReader();
    const provider = new MeterProvider({ readers: [reader] });
    provider.getMeter(METER_NAME, METER_VERSION).createUpDownCounter(METRIC_HTTP_SERVER_ACTIVE_REQUESTS).add(2);
    provider.getMeter('shop').createCounter('orders.created').add(3);
    const history = new History(reader, { http: recorderOf([[0.01, 0.02], [0.03]]) }, 100_000);

    await history.sample(101_000);
    await history.sample(102_000);

    for (const window of WINDOWS) {
      const ring = history.ring(window.name);
      const frames = [...ring.completeFrames(), ring.currentFrame()!];
      const requests = frames.flatMap((frame) => [...frame.http.values()]).reduce((sum, series) => sum + series.latency.count, 0);
      expect(requests, window.name).toBe(3);
      expect(frames.at(-1)!.activeRequests).toBe(2);
    }
    expect(history.ring('1m').completeFrames().map((frame) => frame.start)).toEqual([100_000]);
    expect([...history.seriesTotals().values()]).toEqual([{ method: 'GET', route: '/a', status: 200, errorType: undefined, count: 3 }]);
    expect(history.latestInstruments().map((instrument) => instrument.name)).toEqual(['orders.created']);
    expect(history.descriptors().size).toBe(2);
  });

  test('a sample that fails is logged and skipped; the next one carries on', async () => {
    const reader = new TestReader();
    new MeterProvider({ readers: [reader] });
    let fail = true;
    const history = new History(reader, {
      http: {
        drain() {
          if (fail) throw new Error('boom');
          return { http: [], serverActions: [] };
        },
      },
    }, 0);
    await history.sample(1_000);
    expect(history.ring('1m').currentFrame()).toBeUndefined();
    fail = false;
    await history.sample(2_000);
    expect(history.ring('1m').currentFrame()?.seconds).toBe(2);
  });
});
