import { MeterProvider, type Histogram } from '@opentelemetry/sdk-metrics';
import { expect, test } from 'vitest';
import { overflowingInstruments } from './instrument-stats.js';
import { TestReader } from '../testing/test-reader.js';

test('names the instruments past their cardinality limit; a limit set by a view on every instrument keeps bucket advice', async () => {
  const reader = new TestReader();
  // As lib/telemetry.ts sets METRICS_CARDINALITY_LIMIT.
  const provider = new MeterProvider({ readers: [reader], views: [{ instrumentName: '*', aggregationCardinalityLimit: 3 }] });
  const meter = provider.getMeter('shop');
  const hits = meter.createCounter('hits');
  for (let user = 0; user < 5; user++) hits.add(1, { user });
  meter.createCounter('orders').add(1, { channel: 'web' });
  meter.createHistogram('order.value', { advice: { explicitBucketBoundaries: [10, 100] } }).record(42);

  const { resourceMetrics } = await reader.collect();
  expect(overflowingInstruments(resourceMetrics)).toEqual([{ meter: 'shop', name: 'hits' }]);
  const histogram = resourceMetrics.scopeMetrics[0].metrics.find((metric) => metric.descriptor.name === 'order.value')!;
  expect((histogram.dataPoints[0].value as Histogram).buckets.boundaries).toEqual([10, 100]);
});
