import { isFrameworkRejection } from '../record/http-instruments.js';
import {
  createLatencyHistogram,
  isCoarserThanStart,
  latencyDistribution,
  latencyQuantiles,
  mergeLatencyHistogram,
  subtractLatencyHistogram,
  type Extremes,
  type LatencyBar,
  type LatencyHistogram,
} from '../collect/latency-histogram.js';
import { errorRate, perSecond } from './frame-point.js';
import type { DurationPercentiles } from './stats-types.js';

const QUANTILES = [0.5, 0.9, 0.95, 0.99] as const;

/** Subtracted extremes are dropped once there are this many, and at least as many as are left. */
const DROP_EXTREMES_AFTER = 1024;

/** What an accumulator adds up of one series of one frame. */
export interface LatencySeries {
  readonly errorType: string | undefined;
  readonly latency: LatencyHistogram;
}

/**
 * Calls, errors and durations of the latency series added to it over a window. A window that slides
 * subtracts its oldest frame's series again, in the order they were added.
 */
export class LatencyAccumulator {
  protected requests = 0;
  private errors = 0;
  private rejected = 0;
  private latency: LatencyHistogram = createLatencyHistogram();
  /** Series added and not subtracted, empty ones included. */
  private series = 0;
  // The smallest and largest duration added; recomputed from mins and maxes after a subtraction.
  private min = Infinity;
  private max = -Infinity;
  private extremesStale = false;
  // The min and max of every non-empty series added, oldest first, for subtract: a subtraction loses
  // the histogram's own, and the series it takes out is always the oldest. A copy has none. The first
  // `taken` entries were subtracted: they are dropped in bulk, as shift() on a long array moves every
  // entry (the 1m window's total over 2,000 busy series holds 120,000, and loses 2,000 a second).
  private mins: number[] | undefined = [];
  private maxes: number[] | undefined = [];
  private taken = 0;

  /** Copies what `from` added up into this (empty) accumulator, which can add but not subtract; `from` is not changed. */
  protected copyFrom(from: LatencyAccumulator): this {
    this.requests = from.requests;
    this.errors = from.errors;
    this.rejected = from.rejected;
    this.latency = from.latency.clone();
    this.series = from.series;
    ({ min: this.min, max: this.max } = from.extremes());
    this.mins = undefined;
    this.maxes = undefined;
    return this;
  }

  /**
   * Counts a series' calls of one frame, as errors if it has an error.type (as neither errors nor
   * served when Next refused them before the app ran), and their durations.
   */
  add(series: LatencySeries): void {
    this.series++;
    const count = series.latency.count;
    if (count === 0) return;
    this.countOutcomes(series.errorType, count);
    mergeLatencyHistogram(this.latency, series.latency);
    const { min, max } = series.latency;
    if (min < this.min) this.min = min;
    if (max > this.max) this.max = max;
    this.mins?.push(min);
    this.maxes?.push(max);
  }

  /** Takes out the oldest series added that has not been taken out yet: `series` must be it. */
  subtract(series: LatencySeries): void {
    if (this.mins === undefined || this.maxes === undefined) throw new Error('A copy of an accumulator cannot subtract.');
    this.series--;
    const count = series.latency.count;
    if (count === 0) return;
    this.countOutcomes(series.errorType, -count);
    this.latency = subtractLatencyHistogram(this.latency, series.latency);
    this.taken++;
    if (this.taken >= DROP_EXTREMES_AFTER && this.taken * 2 >= this.mins.length) {
      this.mins.splice(0, this.taken);
      this.maxes.splice(0, this.taken);
      this.taken = 0;
    }
    this.extremesStale = true;
  }

  /** Whether every series added has been subtracted again. */
  isEmpty(): boolean {
    return this.series === 0;
  }

  /** Whether the durations had to go coarser than a latency histogram starts (see isCoarserThanStart). */
  isCoarse(): boolean {
    return isCoarserThanStart(this.latency);
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
    const [p50, p90, p95, p99] = latencyQuantiles(this.latency, QUANTILES, this.extremes());
    const durationSeconds: DurationPercentiles = { p50, p90, p95, p99 };
    return {
      requests: this.requests,
      requestsPerSecond: perSecond(this.requests, seconds),
      errorRate: errorRate(this.errors, this.requests - this.rejected),
      durationSeconds,
    };
  }

  private countOutcomes(errorType: string | undefined, count: number): void {
    this.requests += count;
    if (isFrameworkRejection(errorType)) this.rejected += count;
    else if (errorType !== undefined) this.errors += count;
  }

  private extremes(): Extremes {
    if (this.extremesStale) {
      // A loop, not Math.min(...): the total's lists can be longer than a call's arguments may be.
      this.min = Infinity;
      this.max = -Infinity;
      const mins = this.mins!;
      const maxes = this.maxes!;
      for (let i = this.taken; i < mins.length; i++) {
        if (mins[i] < this.min) this.min = mins[i];
        if (maxes[i] > this.max) this.max = maxes[i];
      }
      this.extremesStale = false;
    }
    return { min: this.min, max: this.max };
  }
}
