// Hand-built frames of http.server.request.duration series and SDK instruments for the unit tests of lib/collect and lib/query.
import {
  emptyFrame,
  type Frame,
  type FrameHttpSeries,
  type FrameServerActionSeries,
  type InstrumentFrame,
  type InstrumentKind,
  type InstrumentValue,
} from '../collect/frame.js';
import { createLatencyHistogram } from '../collect/latency-histogram.js';
import type { AttributeSet } from '../query/stats-types.js';

/** A series that recorded `durations` (seconds). */
export function series(
  method: string,
  route: string | undefined,
  status: number | undefined,
  durations: readonly number[],
  errorType?: string,
): FrameHttpSeries {
  const latency = createLatencyHistogram();
  for (const duration of durations) latency.record(duration);
  return { method, route, status, errorType, latency };
}

/** Series key as the history builds it: the attribute set as JSON. */
export function keyOf(s: FrameHttpSeries): string {
  return JSON.stringify({
    'http.request.method': s.method,
    'url.scheme': 'http',
    ...(s.route === undefined ? {} : { 'http.route': s.route }),
    ...(s.status === undefined ? {} : { 'http.response.status_code': s.status }),
    ...(s.errorType === undefined ? {} : { 'error.type': s.errorType }),
  });
}

/** A tick that ends at `end` (epoch ms), covers `seconds` and holds `list`. */
export function tick(end: number, list: readonly FrameHttpSeries[], seconds = 1, activeRequests = 0): Frame {
  const frame = emptyFrame(end - seconds * 1000);
  frame.end = end;
  frame.seconds = seconds;
  frame.activeRequests = activeRequests;
  for (const s of list) frame.http.set(keyOf(s), s);
  return frame;
}

/** `count` copies of `seconds`. */
export function times(count: number, seconds: number): number[] {
  return Array.from({ length: count }, () => seconds);
}

/** A next.server_action.duration series that recorded `durations` (seconds). */
export function actionSeries(name: string, file: string | undefined, durations: readonly number[], errorType?: string): FrameServerActionSeries {
  const latency = createLatencyHistogram();
  for (const duration of durations) latency.record(duration);
  return { name, file, errorType, latency };
}

/** One SDK instrument's series over a tick, keyed as the history keys them. */
export function instrumentFrame(kind: InstrumentKind, values: readonly InstrumentValue[]): InstrumentFrame {
  return { kind, series: new Map(values.map((value) => [JSON.stringify(value.attributes), value])) };
}

/** A histogram value with explicit `boundaries` that recorded `recordings`. */
export function histogramValue(attributes: AttributeSet, boundaries: readonly number[], recordings: readonly number[]): InstrumentValue {
  const bucketCounts = Array<number>(boundaries.length + 1).fill(0);
  for (const recording of recordings) {
    const bucket = boundaries.findIndex((boundary) => recording <= boundary);
    bucketCounts[bucket === -1 ? boundaries.length : bucket]++;
  }
  return { attributes, count: recordings.length, sum: recordings.reduce((a, b) => a + b, 0), boundaries, bucketCounts };
}
