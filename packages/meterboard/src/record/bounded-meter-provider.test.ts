import type { Attributes, BatchObservableResult, Meter, MeterProvider as ApiMeterProvider } from '@opentelemetry/api';
import { AggregationTemporality, DataPointType, MeterProvider, type Histogram, type MetricData } from '@opentelemetry/sdk-metrics';
import { describe, expect, test, vi } from 'vitest';
import { AttributeSetLimit, boundedMeterProvider } from './bounded-meter-provider.js';
import { TestReader } from '../testing/test-reader.js';

const LIMIT = 50;
/** Distinct attribute values, arriving a few per collection: the slow trickle the SDK's limit misses. */
const VALUES = 130;
const PER_COLLECTION = 3;

/** A provider with one reader of `temporality`, and the global-provider view the app's meters get. */
function setUp(temporality = AggregationTemporality.CUMULATIVE, bounded = true) {
  const reader = new TestReader({ aggregationTemporalitySelector: () => temporality });
  const provider = new MeterProvider({ readers: [reader] });
  const api: ApiMeterProvider = bounded ? boundedMeterProvider(provider, LIMIT) : provider;
  const collect = async (): Promise<MetricData | undefined> => {
    const { resourceMetrics } = await reader.collect();
    return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics).find((metric) => metric.descriptor.name === 'things');
  };
  return { meter: api.getMeter('app'), api, collect, reader };
}

/** A measurement's value at a point: a sum's or gauge's value, a histogram's count. */
function valueOf(point: MetricData['dataPoints'][number]): number {
  return typeof point.value === 'number' ? point.value : (point.value as Histogram).count;
}

const isOverflow = (attributes: Attributes) => attributes['otel.metric.overflow'] === true;

type Record = (meter: Meter, value: number, attributes: Attributes) => void;

// Each synchronous kind, created again for every measurement as handlers often do.
const SYNC: Array<[string, Record]> = [
  ['counter', (meter, value, attributes) => meter.createCounter('things').add(value, attributes)],
  ['up-down counter', (meter, value, attributes) => meter.createUpDownCounter('things').add(value, attributes)],
  ['histogram', (meter, value, attributes) => meter.createHistogram('things').record(value, attributes)],
];

describe('boundedMeterProvider: at most the limit of series per instrument over the process lifetime', () => {
  describe.each([
    ['cumulative', AggregationTemporality.CUMULATIVE],
    ['delta', AggregationTemporality.DELTA],
  ])('%s', (_name, temporality) => {
    test.each(SYNC)('%s: new attribute sets past the limit add into the overflow series, and every measurement is kept', async (_kind, record) => {
      const { meter, collect } = setUp(temporality);
      let total = 0;
      const seen = new Set<string>();
      for (let value = 0; value < VALUES; value++) {
        record(meter, 1, { 'user.id': `u${value}` });
        total++;
        if (value % PER_COLLECTION === 0) {
          for (const point of (await collect())?.dataPoints ?? []) {
            seen.add(JSON.stringify(point.attributes));
            if (temporality === AggregationTemporality.DELTA) total -= valueOf(point);
          }
        }
      }
      const last = (await collect())?.dataPoints ?? [];
      for (const point of last) seen.add(JSON.stringify(point.attributes));
      // Every series ever exported, in every collection, is one of the limit's.
      expect(seen.size).toBe(LIMIT);
      expect([...seen].filter((key) => isOverflow(JSON.parse(key)))).toHaveLength(1);
      // Cumulative: the last collection holds all; delta: what was left after the earlier ones.
      expect(last.reduce((sum, point) => sum + valueOf(point), 0)).toBe(total);
    });
  });

  test('a gauge keeps the limit too', async () => {
    const { meter, collect } = setUp();
    for (let value = 0; value < VALUES; value++) {
      meter.createGauge('things').record(value, { 'user.id': `u${value}` });
      if (value % PER_COLLECTION === 0) await collect();
    }
    const points = (await collect())!.dataPoints;
    expect(points).toHaveLength(LIMIT);
    expect(points.find((point) => isOverflow(point.attributes))?.value).toBe(VALUES - 1);
  });

  test.each([
    ['observable counter', 'createObservableCounter'],
    ['observable up-down counter', 'createObservableUpDownCounter'],
  ] as const)('%s: sets that appear over many collections stop at the limit; the overflow series holds their sum', async (_kind, create) => {
    const { meter, collect } = setUp();
    let users = 0;
    meter[create]('things').addCallback((result) => {
      for (let user = 0; user < users; user++) result.observe(2, { 'user.id': `u${user}` });
    });
    for (; users < VALUES; users += PER_COLLECTION) await collect();
    const points = (await collect())!.dataPoints;
    expect(points).toHaveLength(LIMIT);
    expect(points.reduce((sum, point) => sum + valueOf(point), 0)).toBe(2 * users);
    expect(points.find((point) => isOverflow(point.attributes))?.value).toBe(2 * (users - (LIMIT - 1)));
  });

  test('observable gauge and batch callbacks (sync and async) are bounded, and removing a callback stops it', async () => {
    const { meter, collect } = setUp();
    let users = 0;
    const gauge = meter.createObservableGauge('things');
    const batch = async (result: import('@opentelemetry/api').BatchObservableResult) => {
      await Promise.resolve();
      for (let user = 0; user < users; user++) result.observe(gauge, user, { 'user.id': `u${user}` });
    };
    meter.addBatchObservableCallback(batch, [gauge]);
    for (; users < VALUES; users += PER_COLLECTION) await collect();
    const points = (await collect())!.dataPoints;
    expect(points).toHaveLength(LIMIT);
    expect(points.find((point) => isOverflow(point.attributes))?.value).toBe(users - 1);

    let calls = 0;
    const callback = () => void calls++;
    gauge.addCallback(callback);
    await collect();
    meter.removeBatchObservableCallback(batch, [gauge]);
    gauge.removeCallback(callback);
    const before = users;
    users = 0;
    await collect();
    expect(calls).toBe(1);
    expect(before).toBeGreaterThan(LIMIT);
  });

  test('the overflow series adds up the sets past the limit across every callback of the instrument, single and batch', async () => {
    const { meter, collect } = setUp();
    const counter = meter.createObservableCounter('things');
    counter.addCallback((result) => {
      for (let user = 0; user < LIMIT - 1; user++) result.observe(1, { 'user.id': `u${user}` });
    });
    counter.addCallback((result) => result.observe(5, { 'user.id': 'late-a' }));
    counter.addCallback((result) => {
      // Observed twice in one callback: the SDK keeps the last value of a set, so does the overflow.
      result.observe(100, { 'user.id': 'late-b' });
      result.observe(7, { 'user.id': 'late-b' });
    });
    meter.addBatchObservableCallback((result) => result.observe(counter, 11, { 'user.id': 'late-c' }), [counter]);
    const points = (await collect())!.dataPoints;
    expect(points).toHaveLength(LIMIT);
    expect(points.find((point) => isOverflow(point.attributes))?.value).toBe(5 + 7 + 11);
  });

  test('one batch callback with two sets of observables is two registrations, as in the SDK', async () => {
    const { meter, reader } = setUp();
    const a = meter.createObservableGauge('a');
    const b = meter.createObservableGauge('b');
    const callback = (result: BatchObservableResult) => {
      result.observe(a, 1);
      result.observe(b, 2);
    };
    meter.addBatchObservableCallback(callback, [a]);
    meter.addBatchObservableCallback(callback, [b]);
    const names = async () => (await reader.collect()).resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics.map((metric) => metric.descriptor.name)).sort();
    expect(await names()).toEqual(['a', 'b']);
    meter.removeBatchObservableCallback(callback, [a]);
    meter.removeBatchObservableCallback(callback, [b]);
    let calls = 0;
    meter.addBatchObservableCallback(() => void calls++, [a]);
    await reader.collect();
    expect(calls).toBe(1);
  });

  test('a value the SDK drops (negative, for a counter or histogram) takes no attribute set of the limit', async () => {
    const { meter, collect } = setUp();
    const counter = meter.createCounter('things');
    for (let user = 0; user < LIMIT; user++) counter.add(-1, { 'user.id': `bad${user}` });
    for (let user = 0; user < LIMIT - 1; user++) counter.add(1, { 'user.id': `u${user}` });
    const points = (await collect())!.dataPoints;
    expect(points).toHaveLength(LIMIT - 1);
    expect(points.some((point) => isOverflow(point.attributes))).toBe(false);
  });

  test('a callback that throws is logged once and the others still report', async () => {
    const { meter, collect } = setUp();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const gauge = meter.createObservableGauge('things');
    gauge.addCallback(() => {
      throw new Error('broken callback');
    });
    gauge.addCallback(async () => {
      throw new Error('broken async callback');
    });
    gauge.addCallback((result) => result.observe(3, { 'user.id': 'u0' }));
    expect((await collect())!.dataPoints.map((point) => point.value)).toEqual([3]);
    quiet.mockRestore();
  });

  test('one limit per instrument: another name, or the same name under another meter or version, has its own', async () => {
    const { api, reader } = setUp();
    for (let value = 0; value < LIMIT; value++) api.getMeter('app').createCounter('things').add(1, { 'user.id': `u${value}` });
    api.getMeter('app').createCounter('others').add(1, { 'user.id': 'another' });
    api.getMeter('app', '2.0.0').createCounter('things').add(1, { 'user.id': 'another' });
    api.getMeter('other').createCounter('things').add(1, { 'user.id': 'another' });
    const { resourceMetrics } = await reader.collect();
    const overflowing = resourceMetrics.scopeMetrics.flatMap((scope) =>
      scope.metrics.filter((metric) => metric.dataPoints.some((point) => isOverflow(point.attributes))).map((metric) => `${scope.scope.name}@${scope.scope.version ?? ''} ${metric.descriptor.name}`),
    );
    expect(overflowing).toEqual(['app@ things']);
  });

  test('without it, the SDK alone lets a slow trickle of new sets grow past its limit (why meterboard bounds them)', async () => {
    const reader = new TestReader();
    const provider = new MeterProvider({ readers: [reader], views: [{ instrumentName: '*', aggregationCardinalityLimit: LIMIT }] });
    for (let value = 0; value < VALUES; value++) {
      provider.getMeter('app').createCounter('things').add(1, { 'user.id': `u${value}` });
      if (value % PER_COLLECTION === 0) await reader.collect();
    }
    const { resourceMetrics } = await reader.collect();
    expect(resourceMetrics.scopeMetrics[0].metrics[0].dataPoints).toHaveLength(VALUES);
    expect(resourceMetrics.scopeMetrics[0].metrics[0].dataPointType).toBe(DataPointType.SUM);
  });
});

describe('AttributeSetLimit', () => {
  test('one attribute set is one key, whatever the order of its keys; no attributes is the empty set', () => {
    const limit = new AttributeSetLimit(3);
    expect(limit.admit({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(limit.admit({ b: 2, a: 1 })).toEqual({ b: 2, a: 1 });
    expect(limit.admit(undefined)).toBeUndefined();
    expect(limit.admit({})).toEqual({});
    expect(limit.size).toBe(2);
    expect(limit.admit({ a: 3 })).toEqual({ 'otel.metric.overflow': true });
  });
});
