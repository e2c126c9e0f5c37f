import type { HttpSeries, Sample } from '../collect/sample';
import { addBucketCounts, histogramQuantile } from './histogram-quantile';
import type { DurationPercentiles, RouteStats, SeriesPoint, Stats, StatusClassRates } from './stats-types';

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
export function buildStats(samples: readonly Sample[], context: StatsContext): Stats {
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
    series: seriesPoints(samples),
    instruments: [...latest.instruments],
  };
}

/** One chart point per pair of consecutive samples. */
export function seriesPoints(samples: readonly Sample[]): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (let i = 1; i < samples.length; i++) {
    const older = samples[i - 1];
    const newer = samples[i];
    const seconds = (newer.time - older.time) / 1000;
    const counts: StatusClassRates = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    const buckets: number[] = [];
    for (const [key, series] of newer.http) {
      const delta = seriesDelta(series, older.http.get(key));
      if (delta.count === 0) continue;
      const statusClass = statusClassOf(series.status);
      if (statusClass) counts[statusClass] += delta.count;
      addBucketCounts(buckets, delta.bucketCounts);
    }
    points.push({
      time: newer.time,
      requestsPerSecond: {
        '2xx': perSecond(counts['2xx'], seconds),
        '3xx': perSecond(counts['3xx'], seconds),
        '4xx': perSecond(counts['4xx'], seconds),
        '5xx': perSecond(counts['5xx'], seconds),
      },
      durationSeconds: {
        p50: histogramQuantile(0.5, newer.boundaries, buckets),
        p90: histogramQuantile(0.9, newer.boundaries, buckets),
        p99: histogramQuantile(0.99, newer.boundaries, buckets),
      },
    });
  }
  return points;
}

/** What a series gained between two samples; a series whose count went down restarted from zero. */
export function seriesDelta(
  newer: HttpSeries,
  older: HttpSeries | undefined,
): { count: number; bucketCounts: readonly number[] } {
  if (older === undefined || older.count > newer.count) return newer;
  if (older === newer) return { count: 0, bucketCounts: [] };
  return {
    count: newer.count - older.count,
    bucketCounts: newer.bucketCounts.map((count, i) => count - (older.bucketCounts[i] ?? 0)),
  };
}

/** "2xx".."5xx" for a status code, undefined for anything else. */
export function statusClassOf(status: number): keyof StatusClassRates | undefined {
  if (status >= 200 && status < 300) return '2xx';
  if (status >= 300 && status < 400) return '3xx';
  if (status >= 400 && status < 500) return '4xx';
  if (status >= 500 && status < 600) return '5xx';
  return undefined;
}

/** count / seconds, 0 for an empty interval. */
export function perSecond(count: number, seconds: number): number {
  return seconds > 0 ? count / seconds : 0;
}

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
    this.statusCodes[series.status] = (this.statusCodes[series.status] ?? 0) + delta.count;
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
