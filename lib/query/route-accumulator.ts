import { createLatencyHistogram, latencyDistribution, latencyQuantiles, mergeLatencyHistogram, type LatencyBar, type LatencyHistogram } from '../collect/latency-histogram';
import type { FrameHttpSeries } from '../collect/frame';
import { perSecond } from './frame-point';
import type { DurationPercentiles, RouteStats } from './stats-types';
import { NO_STATUS } from './status-codes';

const QUANTILES = [0.5, 0.9, 0.95, 0.99] as const;

/** Adds up the HTTP series of one method and route template (or of all of them) over a window. */
export class RouteAccumulator {
  /** Requests since the process started; the caller adds them from the history's series totals. */
  requestsSinceStart = 0;
  private requests = 0;
  private errors = 0;
  private readonly statusCodes: Record<string, number> = {};
  private readonly latency: LatencyHistogram = createLatencyHistogram();

  constructor(
    private readonly method: string,
    /** Undefined for requests that matched no route. */
    private readonly route: string | undefined,
  ) {}

  /** Counts a series' requests of one frame: by status code, as errors (5xx, aborted), and their durations. */
  add(series: FrameHttpSeries): void {
    const count = series.latency.count;
    if (count === 0) return;
    this.requests += count;
    if (series.errorType !== undefined) this.errors += count;
    const status = series.status ?? NO_STATUS;
    this.statusCodes[status] = (this.statusCodes[status] ?? 0) + count;
    mergeLatencyHistogram(this.latency, series.latency);
  }

  /** The row of what was added, over `seconds` of history. */
  toRouteStats(seconds: number): RouteStats {
    return {
      method: this.method,
      route: this.route ?? null,
      requests: this.requests,
      requestsSinceStart: this.requestsSinceStart,
      requestsPerSecond: perSecond(this.requests, seconds),
      errorRate: this.requests > 0 ? this.errors / this.requests : null,
      statusCodes: this.statusCodes,
      durationSeconds: percentiles(this.latency),
    };
  }

  /** The durations of every request added, as at most `maxBars` bars (see latencyDistribution). */
  latencyDistribution(maxBars: number): LatencyBar[] {
    return latencyDistribution(this.latency, maxBars);
  }
}

function percentiles(latency: LatencyHistogram): DurationPercentiles {
  const [p50, p90, p95, p99] = latencyQuantiles(latency, QUANTILES);
  return { p50, p90, p95, p99 };
}
