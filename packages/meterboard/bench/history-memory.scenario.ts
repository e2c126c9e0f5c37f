// History memory: what the rings of src/collect/history.ts retain per HTTP series once every window
// is full and every series recorded something in every second (the worst case for a series).
import type { Attributes } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { test } from 'vitest';
import { History, SAMPLE_INTERVAL_MS } from '../src/collect/history.js';
import { createLatencyHistogram } from '../src/collect/latency-histogram.js';
import { WINDOW_POINTS, WINDOWS } from '../src/query/windows.js';
import type { HttpServerRecorder } from '../src/record/http-server-metrics.js';
import { mulberry32 } from '../src/testing/latency-samples.js';
import { heapUsedAfterGc, report, round, SHORT } from './report.js';
import { TestReader } from '../src/testing/test-reader.js';

const SERIES = SHORT ? 4 : 20;
const RECORDINGS_PER_SERIES_SECOND = 200;
// Enough seconds for the longest window's ring to hold all its frames.
const LONGEST_STEP_S = Math.max(...WINDOWS.map((window) => window.stepSeconds));
const SECONDS = SHORT ? 120 : (WINDOW_POINTS + 1) * LONGEST_STEP_S;
const SPREADS = [
  { spread: '2–20 ms', low: 0.002, high: 0.02 },
  { spread: '1 ms–1 s', low: 0.001, high: 1 },
];

/** A recorder whose every drain holds SERIES series of log-uniform durations in [low, high]. */
function busyRecorder(low: number, high: number): Pick<HttpServerRecorder, 'drain'> {
  const random = mulberry32(42);
  const attributes: Attributes[] = Array.from({ length: SERIES }, (_, i) => ({
    'http.request.method': 'GET',
    'url.scheme': 'http',
    'http.route': `/route/${i}`,
    'http.response.status_code': 200,
  }));
  return {
    drain() {
      const http = attributes.map((series) => {
        const latency = createLatencyHistogram();
        for (let i = 0; i < RECORDINGS_PER_SERIES_SECOND; i++) latency.record(low * (high / low) ** random());
        return { attributes: series, latency };
      });
      return { http, serverActions: [] };
    },
  };
}

test('history-memory', async () => {
  const rows = [];
  for (const { spread, low, high } of SPREADS) {
    const reader = new TestReader();
    new MeterProvider({ readers: [reader] });
    const before = heapUsedAfterGc();
    const history = new History(reader, { http: busyRecorder(low, high) }, 0);
    for (let second = 1; second <= SECONDS; second++) await history.sample(second * SAMPLE_INTERVAL_MS);
    const retained = heapUsedAfterGc() - before;
    rows.push({
      'durations spread over': spread,
      series: SERIES,
      'seconds sampled': SECONDS,
      'retained (MB)': round(retained / 2 ** 20),
      'per series (KB)': round(retained / SERIES / 1024),
    });
    // Keeps the history alive until it has been measured.
    if (history.ring('1h').completeFrames().length < 0) throw new Error('unreachable');
  }
  report({
    scenario: 'history-memory',
    method: `${SERIES} HTTP series, each recording ${RECORDINGS_PER_SERIES_SECOND} log-uniform durations every second for ${SECONDS} s (every ring full), heap after GC minus before.`,
    rows,
    targets: [],
  });
});
