import { perSecond, seriesDelta } from '../collect/interval-point';
import type { HttpSeries, Sample } from '../collect/sample';
import { addBucketCounts, histogramQuantile } from './histogram-quantile';
import type { DurationPercentiles, InstrumentStats, RouteStats, Stats } from './stats-types';

/** What buildStats needs to know about the process besides its samples. */
export interface StatsContext {
  serviceName: string;
  /** Epoch milliseconds. */
  startTime: number;
  /** Epoch milliseconds. */
  now: number;
  sampleIntervalMs: number;
}

/**
 * The /api/stats body for a window, from the history's samples: `samples[0]` is the baseline
 * (at or before the window's start), the last one is the latest. Pure.
 */
export function buildStats(samples: readonly Sample[], instruments: readonly InstrumentStats[], context: StatsContext): Stats {
  const baseline = samples[0];
  const latest = samples[samples.length - 1];
  const boundaries = latest.boundaries;
  const windowSeconds = (latest.time - baseline.time) / 1000;

  const rows = new Map<string, RouteAccumulator>();
  const total = new RouteAccumulator('', undefined);
  for (const [key, series] of latest.http) {
    const delta = seriesDelta(series, baseline.http.get(key));
    const rowKey = `${series.method} ${series.route ?? ''}`;
    let row = rows.get(rowKey);
    if (row === undefined) {
      row = new RouteAccumulator(series.method, series.route);
      rows.set(rowKey, row);
    }
    row.add(series, delta);
    total.add(series, delta);
  }

  const routes = [...rows.values()]
    .map((row) => row.toRouteStats(windowSeconds, boundaries))
    .sort((a, b) => b.requests - a.requests || b.requestsSinceStart - a.requestsSinceStart);
  const totalRow = total.toRouteStats(windowSeconds, boundaries);

  return {
    service: { name: context.serviceName },
    startTime: new Date(context.startTime).toISOString(),
    uptimeSeconds: Math.max(0, (context.now - context.startTime) / 1000),
    windowSeconds,
    sampleIntervalSeconds: context.sampleIntervalMs / 1000,
    totals: {
      requests: totalRow.requests,
      requestsSinceStart: totalRow.requestsSinceStart,
      requestsPerSecond: totalRow.requestsPerSecond,
      errorRate: totalRow.errorRate,
      inFlight: latest.activeRequests,
      durationSeconds: totalRow.durationSeconds,
    },
    routes,
    series: samples.slice(1).flatMap((sample) => (sample.point ? [sample.point] : [])),
    instruments: [...instruments],
  };
}

/** Key in RouteStats.statusCodes for requests that ended before a status was sent. */
export const NO_STATUS = 'none';

class RouteAccumulator {
  private requests = 0;
  private requestsSinceStart = 0;
  private errors = 0;
  private readonly statusCodes: Record<string, number> = {};
  private readonly buckets: number[] = [];

  constructor(
    private readonly method: string,
    private readonly route: string | undefined,
  ) {}

  add(series: HttpSeries, delta: { count: number; bucketCounts: readonly number[] }): void {
    this.requestsSinceStart += series.count;
    if (delta.count === 0) return;
    this.requests += delta.count;
    if (series.errorType !== undefined) this.errors += delta.count;
    const status = series.status ?? NO_STATUS;
    this.statusCodes[status] = (this.statusCodes[status] ?? 0) + delta.count;
    addBucketCounts(this.buckets, delta.bucketCounts);
  }

  toRouteStats(windowSeconds: number, boundaries: readonly number[]): RouteStats {
    return {
      method: this.method,
      route: this.route ?? null,
      requests: this.requests,
      requestsSinceStart: this.requestsSinceStart,
      requestsPerSecond: perSecond(this.requests, windowSeconds),
      errorRate: this.requests > 0 ? this.errors / this.requests : null,
      statusCodes: this.statusCodes,
      durationSeconds: percentiles(boundaries, this.buckets),
    };
  }
}

function percentiles(boundaries: readonly number[], buckets: readonly number[]): DurationPercentiles {
  return {
    p50: histogramQuantile(0.5, boundaries, buckets),
    p90: histogramQuantile(0.9, boundaries, buckets),
    p95: histogramQuantile(0.95, boundaries, buckets),
    p99: histogramQuantile(0.99, boundaries, buckets),
  };
}
