import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { describe, expect, test } from 'vitest';
import { instrumentKey } from './frame.js';
import { OVERFLOW_ATTRIBUTES } from '../record/http-instruments.js';
import { HISTORY_SERIES_PER_INSTRUMENT, increase, InstrumentDeltas } from './instrument-deltas.js';
import { TestReader } from '../testing/test-reader.js';

function setup() {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  const meter = provider.getMeter('shop');
  const deltas = new InstrumentDeltas();
  const next = async () => deltas.next((await reader.collect()).resourceMetrics);
  return { provider, meter, deltas, next };
}

describe('increase', () => {
  test.each([
    ['a counter that grew', { value: 10 }, { value: 4 }, { value: 6 }],
    ['a counter seen for the first time', { value: 10 }, undefined, { value: 10 }],
    ['a counter that reset (process restarted)', { value: 3 }, { value: 40 }, { value: 3 }],
    ['a counter that did not move', { value: 4 }, { value: 4 }, { value: 0 }],
  ])('%s', (_name, current, before, expected) => {
    expect(increase(current, before)).toEqual(expected);
  });

  test('a histogram that reset counts its whole new content, never negative buckets', () => {
    const before = { count: 10, sum: 5, bucketCounts: [4, 6] };
    expect(increase({ count: 12, sum: 6, bucketCounts: [5, 7] }, before)).toEqual({ count: 2, sum: 1, bucketCounts: [1, 1] });
    expect(increase({ count: 1, sum: 0.5, bucketCounts: [1, 0] }, before)).toEqual({ count: 1, sum: 0.5, bucketCounts: [1, 0] });
  });
});

describe('InstrumentDeltas', () => {
  test('counters and histograms as increases between collections, gauges and up-down counters as values', async () => {
    const { meter, deltas, next } = setup();
    const orders = meter.createCounter('orders.created');
    const queue = meter.createUpDownCounter('queue.length');
    const latency = meter.createHistogram('work.duration', { unit: 's', advice: { explicitBucketBoundaries: [0.1, 1] } });
    orders.add(3, { channel: 'web' });
    queue.add(5);
    latency.record(0.05);
    await next();
    orders.add(2, { channel: 'web' });
    queue.add(-2);
    latency.record(0.5);
    latency.record(5);
    const frames = await next();

    expect([...frames.get(instrumentKey({ meter: 'shop' }, 'orders.created'))!.series.values()]).toEqual([{ attributes: { channel: 'web' }, value: 2 }]);
    expect([...frames.get(instrumentKey({ meter: 'shop' }, 'queue.length'))!.series.values()]).toEqual([{ attributes: {}, value: 3 }]);
    expect([...frames.get(instrumentKey({ meter: 'shop' }, 'work.duration'))!.series.values()]).toEqual([
      { attributes: {}, count: 2, sum: 5.5, boundaries: [0.1, 1], bucketCounts: [0, 1, 1] },
    ]);
    expect(deltas.descriptors.get(instrumentKey({ meter: 'shop' }, 'work.duration'))).toEqual({
      meter: 'shop',
      name: 'work.duration',
      description: '',
      unit: 's',
      kind: 'histogram',
    });
  });

  test('meters of one name and two versions (or schema URLs) are three meters, each instrument its own', async () => {
    const { provider, deltas, next } = setup();
    await next();
    provider.getMeter('lib', '1.0.0').createCounter('jobs').add(1);
    provider.getMeter('lib', '2.0.0').createCounter('jobs').add(1);
    provider.getMeter('lib', '2.0.0', { schemaUrl: 'https://opentelemetry.io/schemas/1.30.0' }).createCounter('jobs').add(1);
    const frames = await next();
    const jobs = [...deltas.descriptors.values()].filter((descriptor) => descriptor.name === 'jobs');
    expect(jobs.map(({ meter, meterVersion, meterSchemaUrl }) => [meter, meterVersion, meterSchemaUrl])).toEqual([
      ['lib', '1.0.0', undefined],
      ['lib', '2.0.0', undefined],
      ['lib', '2.0.0', 'https://opentelemetry.io/schemas/1.30.0'],
    ]);
    for (const descriptor of jobs) expect([...frames.get(instrumentKey(descriptor, 'jobs'))!.series.values()]).toEqual([{ attributes: {}, value: 1 }]);
  });

  test(`past ${HISTORY_SERIES_PER_INSTRUMENT} series an instrument's new series add up in one overflow series`, async () => {
    const { meter, next } = setup();
    const counter = meter.createCounter('hits');
    for (let i = 0; i < HISTORY_SERIES_PER_INSTRUMENT + 50; i++) counter.add(1, { id: i });
    const series = (await next()).get(instrumentKey({ meter: 'shop' }, 'hits'))!.series;
    expect(series.size).toBe(HISTORY_SERIES_PER_INSTRUMENT + 1);
    expect(series.get(JSON.stringify(OVERFLOW_ATTRIBUTES))).toEqual({ attributes: OVERFLOW_ATTRIBUTES, value: 50 });
  });
});
