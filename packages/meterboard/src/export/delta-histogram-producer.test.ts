import { AggregationTemporality, type HistogramMetricData } from '@opentelemetry/sdk-metrics';
import { describe, expect, test } from 'vitest';
import { DurationHistograms } from '../record/duration-histograms.js';
import { DeltaHistogramProducer } from './delta-histogram-producer.js';

function setUp() {
  const histograms = new DurationHistograms({ name: 'meterboard' });
  const duration = histograms.histogram('http.server.request.duration', { description: 'd', unit: 's', boundaries: [0.1, 1] });
  const fast = duration.newSeries({ 'http.route': '/fast' });
  const slow = duration.newSeries({ 'http.route': '/slow' });
  const delta = new DeltaHistogramProducer(histograms);
  const collect = async () => (await delta.collect()).resourceMetrics.scopeMetrics[0].metrics[0] as HistogramMetricData;
  return { fast, slow, collect };
}

describe('DeltaHistogramProducer', () => {
  test('the first collection is everything so far, each later one what was recorded since, as DELTA', async () => {
    const { fast, slow, collect } = setUp();
    fast.histogram.record(0.05);
    fast.histogram.record(0.5);
    slow.histogram.record(2);
    const first = await collect();
    expect(first.aggregationTemporality).toBe(AggregationTemporality.DELTA);
    expect(first.dataPoints.map((point) => [point.attributes['http.route'], point.value.count, point.value.buckets.counts])).toEqual([
      ['/fast', 2, [1, 1, 0]],
      ['/slow', 1, [0, 0, 1]],
    ]);

    fast.histogram.record(0.07);
    const second = await collect();
    expect(second.dataPoints).toHaveLength(1);
    const [point] = second.dataPoints;
    expect(point.value).toEqual({ buckets: { boundaries: [0.1, 1], counts: [1, 0, 0] }, count: 1, sum: expect.closeTo(0.07, 9) });
    // Consecutive: this delta starts where the last one ended.
    expect(point.startTime).toEqual(first.dataPoints[0].endTime);
  });

  test('a collection with nothing new has no points; the sums of the deltas are the cumulative totals', async () => {
    const { fast, collect } = setUp();
    const recorded = [0.01, 0.2, 3, 0.05, 0.5];
    let count = 0;
    let sum = 0;
    for (const value of recorded) {
      fast.histogram.record(value);
      const [point] = (await collect()).dataPoints;
      count += point.value.count;
      sum += point.value.sum ?? 0;
    }
    expect((await collect()).dataPoints).toEqual([]);
    expect(count).toBe(recorded.length);
    expect(sum).toBeCloseTo(recorded.reduce((a, b) => a + b, 0), 9);
  });
});

describe('DeltaHistogramProducer under overlapping collections', () => {
  test('two collections at once each report their own delta, never the same recordings twice', async () => {
    const { fast, collect } = setUp();
    fast.histogram.record(0.05);
    const [first, second] = await Promise.all([collect(), collect()]);
    expect(first.dataPoints.map((point) => point.value.count)).toEqual([1]);
    expect(second.dataPoints).toEqual([]);
  });
});
