import { addBucketCounts, histogramQuantile } from '../query/histogram-quantile';
import type { SeriesPoint, StatusClassRates } from '../query/stats-types';
import type { HttpSeries, Sample } from './sample';

/**
 * The chart point of the interval between two samples: requests per second by status class and
 * latency percentiles. Computed once, when the newer sample is taken. Pure.
 */
export function intervalPoint(older: Pick<Sample, 'time' | 'http'>, newer: Pick<Sample, 'time' | 'http' | 'boundaries'>): SeriesPoint {
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
  return {
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
  };
}

/** What a series gained between two samples; a series whose count went down restarted from zero. */
export function seriesDelta(
  newer: HttpSeries,
  older: HttpSeries | undefined,
): { count: number; bucketCounts: readonly number[] } {
  if (older === undefined || older.count > newer.count) return newer;
  if (older === newer) return NO_CHANGE;
  return {
    count: newer.count - older.count,
    bucketCounts: newer.bucketCounts.map((count, i) => count - (older.bucketCounts[i] ?? 0)),
  };
}

const NO_CHANGE = { count: 0, bucketCounts: [] } as const;

/** "2xx".."5xx" for a status code; undefined for anything else, and for no status (nothing was sent). */
export function statusClassOf(status: number | undefined): keyof StatusClassRates | undefined {
  if (status === undefined) return undefined;
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
