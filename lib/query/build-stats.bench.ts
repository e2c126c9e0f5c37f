// Cost of GET /api/stats over a full five-minute history at the cardinality limit:
//   npx vitest bench --run lib/query/build-stats.bench.ts
import { bench, describe } from 'vitest';
import { intervalPoint } from '../collect/interval-point';
import { emptySample, type HttpSeries, type Sample } from '../collect/sample';
import { DURATION_BUCKETS_S } from '../record/http-instruments';
import { buildStats } from './build-stats';

/** The SDK's default cardinality limit per instrument. */
const SERIES = 2000;
/** Five minutes of one-second samples plus the baseline. */
const SAMPLES = 301;
/** Share of series that gain requests in each second. */
const CHANGING_SHARE = 0.1;

function history(): Sample[] {
  const current = new Map<string, HttpSeries>();
  for (let i = 0; i < SERIES; i++) {
    const bucketCounts = DURATION_BUCKETS_S.map(() => 0).concat(0);
    current.set(`series-${i}`, { method: 'GET', route: `/route-${i % 50}`, status: 200 + (i % 5), errorType: undefined, count: 0, sum: 0, bucketCounts });
  }
  const samples: Sample[] = [emptySample(0, DURATION_BUCKETS_S)];
  const every = Math.round(1 / CHANGING_SHARE);
  for (let s = 1; s < SAMPLES; s++) {
    const http = new Map<string, HttpSeries>();
    let i = 0;
    for (const [key, series] of current) {
      const next =
        i++ % every === s % every
          ? { ...series, count: series.count + 1, sum: series.sum + 0.004, bucketCounts: series.bucketCounts.map((c, b) => (b === 0 ? c + 1 : c)) }
          : series;
      current.set(key, next);
      http.set(key, next);
    }
    const sample = { time: s * 1000, http, boundaries: DURATION_BUCKETS_S, activeRequests: 0 };
    samples.push({ ...sample, point: intervalPoint(samples[s - 1], sample) });
  }
  return samples;
}

describe(`/api/stats, ${SERIES} series, ${SAMPLES} samples`, () => {
  const samples = history();
  const context = { serviceName: 'bench', startTime: 0, now: (SAMPLES - 1) * 1000, sampleIntervalMs: 1000 };

  bench('buildStats, 5m window', () => {
    buildStats(samples, [], context);
  });

  bench('intervalPoint, one new sample', () => {
    intervalPoint(samples[SAMPLES - 2], samples[SAMPLES - 1]);
  });
});
