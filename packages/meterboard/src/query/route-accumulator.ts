import type { FrameHttpSeries } from '../collect/frame.js';
import { LatencyAccumulator } from './latency-accumulator.js';
import type { RouteStats } from './stats-types.js';
import { NO_STATUS } from './status-codes.js';

/** Adds up the HTTP series of one method and route template (or of all of them) over a window. */
export class RouteAccumulator extends LatencyAccumulator {
  /** Requests since the process started; the caller adds them from the history's series totals. */
  requestsSinceStart = 0;
  private statusCodes: Record<string, number> = {};

  constructor(
    private readonly method: string,
    /** Undefined for requests that matched no route. */
    private readonly route: string | undefined,
  ) {
    super();
  }

  /** A copy that can go on adding without changing this one. */
  clone(): RouteAccumulator {
    const copy = new RouteAccumulator(this.method, this.route).copyFrom(this);
    copy.requestsSinceStart = this.requestsSinceStart;
    copy.statusCodes = { ...this.statusCodes };
    return copy;
  }

  /** Counts a series' requests of one frame: by status code, as errors (5xx, aborted), and their durations. */
  override add(series: FrameHttpSeries): void {
    super.add(series);
    const count = series.latency.count;
    if (count === 0) return;
    const status = series.status ?? NO_STATUS;
    this.statusCodes[status] = (this.statusCodes[status] ?? 0) + count;
  }

  /** Takes out the oldest series added and not yet taken out: `series` must be it. */
  override subtract(series: FrameHttpSeries): void {
    super.subtract(series);
    const count = series.latency.count;
    if (count === 0) return;
    const status = series.status ?? NO_STATUS;
    const left = this.statusCodes[status] - count;
    if (left === 0) delete this.statusCodes[status];
    else this.statusCodes[status] = left;
  }

  /** The row of what was added, over `seconds` of history. */
  toRouteStats(seconds: number): RouteStats {
    const { requests, requestsPerSecond, errorRate, durationSeconds } = this.summary(seconds);
    return {
      method: this.method,
      route: this.route ?? null,
      requests,
      requestsSinceStart: this.requestsSinceStart,
      requestsPerSecond,
      errorRate,
      statusCodes: this.statusCodes,
      durationSeconds,
    };
  }
}
