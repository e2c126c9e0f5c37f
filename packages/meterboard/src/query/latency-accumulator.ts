import { isFrameworkRejection } from '../record/http-instruments.js';
import { createLatencyHistogram, latencyDistribution, latencyQuantiles, mergeLatencyHistogram, type LatencyBar, type LatencyHistogram } from '../collect/latency-histogram.js';
import { errorRate, perSecond } from './frame-point.js';
import type { DurationPercentiles } from './stats-types.js';

const QUANTILES = [0.5, 0.9, 0.95, 0.99] as const;

/** Calls, errors and durations of the latency series added to it over a window. */
export class LatencyAccumulator {
  protected requests = 0;
  private errors = 0;
  private rejected = 0;
  private latency: LatencyHistogram = createLatencyHistogram();

  /** Copies what `from` added up into this (empty) accumulator; `from` is not changed. */
  protected copyFrom(from: LatencyAccumulator): this {
    this.requests = from.requests;
    this.errors = from.errors;
    this.rejected = from.rejected;
    this.latency = from.latency.clone();
    return this;
  }

  /**
   * Counts a series' calls of one frame, as errors if it has an error.type (as neither errors nor
   * served when Next refused them before the app ran), and their durations.
   */
  add(series: { readonly errorType: string | undefined; readonly latency: LatencyHistogram }): void {
    const count = series.latency.count;
    if (count === 0) return;
    this.requests += count;
    if (isFrameworkRejection(series.errorType)) this.rejected += count;
    else if (series.errorType !== undefined) this.errors += count;
    mergeLatencyHistogram(this.latency, series.latency);
  }

  /** The durations of every call added, summed, seconds. */
  durationSum(): number {
    return this.latency.sum;
  }

  /** The durations of every call added, as at most `maxBars` bars (see latencyDistribution). */
  latencyDistribution(maxBars: number): LatencyBar[] {
    return latencyDistribution(this.latency, maxBars);
  }

  /** Calls, rate, error rate and percentiles of what was added, over `seconds` of history. */
  protected summary(seconds: number) {
    const [p50, p90, p95, p99] = latencyQuantiles(this.latency, QUANTILES);
    const durationSeconds: DurationPercentiles = { p50, p90, p95, p99 };
    return {
      requests: this.requests,
      requestsPerSecond: perSecond(this.requests, seconds),
      errorRate: errorRate(this.errors, this.requests - this.rejected),
      durationSeconds,
    };
  }
}
