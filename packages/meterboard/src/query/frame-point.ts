import { createLatencyHistogram, latencyQuantiles, mergeLatencyHistogram } from '../collect/latency-histogram.js';
import type { Frame, FrameHttpSeries } from '../collect/frame.js';
import type { SeriesPoint, StatusClassRates } from './stats-types.js';
import { isFrameworkRejection } from '../record/http-instruments.js';
import { statusClassOf } from './status-codes.js';

const CHART_QUANTILES = [0.5, 0.9, 0.99] as const;

/**
 * The chart point of a frame: requests per second by status class, error rate and latency
 * percentiles of the series `include` accepts (all of them by default). Pure.
 */
export function framePoint(frame: Frame, partial: boolean, include: (series: FrameHttpSeries) => boolean = () => true): SeriesPoint {
  const counts: StatusClassRates = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
  const latency = createLatencyHistogram();
  let served = 0;
  let errors = 0;
  for (const series of frame.http.values()) {
    if (!include(series)) continue;
    const count = series.latency.count;
    const statusClass = statusClassOf(series.status);
    if (statusClass) counts[statusClass] += count;
    mergeLatencyHistogram(latency, series.latency);
    // Requests Next refused before the app ran are in the 5xx rate, not in the error rate.
    if (isFrameworkRejection(series.errorType)) continue;
    served += count;
    if (series.errorType !== undefined) errors += count;
  }
  const [p50, p90, p99] = latencyQuantiles(latency, CHART_QUANTILES);
  return {
    time: frame.start,
    seconds: frame.seconds,
    partial,
    requestsPerSecond: {
      '2xx': perSecond(counts['2xx'], frame.seconds),
      '3xx': perSecond(counts['3xx'], frame.seconds),
      '4xx': perSecond(counts['4xx'], frame.seconds),
      '5xx': perSecond(counts['5xx'], frame.seconds),
    },
    errorRate: errorRate(errors, served),
    durationSeconds: { p50, p90, p99 },
    activeRequests: frame.activeRequests,
  };
}

// A complete frame never changes again, so its point is computed once.
const completePoints = new WeakMap<Frame, SeriesPoint>();

/** framePoint(frame, false) of a complete frame, computed the first time it is asked for. */
export function completeFramePoint(frame: Frame): SeriesPoint {
  let point = completePoints.get(frame);
  if (point === undefined) {
    point = framePoint(frame, false);
    completePoints.set(frame, point);
  }
  return point;
}

/**
 * Share of the `served` requests (Next's rejections left out) that were errors; null for none
 * served. At most 1: Prometheus extrapolates each count on its own.
 */
export function errorRate(errors: number, served: number): number | null {
  return served > 0 ? Math.min(1, errors / served) : null;
}

/** count / seconds, 0 for an empty interval. */
export function perSecond(count: number, seconds: number): number {
  return seconds > 0 ? count / seconds : 0;
}
