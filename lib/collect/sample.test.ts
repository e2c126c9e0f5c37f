import type { Meter } from '@opentelemetry/api';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { InstrumentStats } from '../query/stats-types';
import { METER_NAME } from '../scope';
import { intervalPoint } from './interval-point';
import { emptySample, readInstruments, toSample, type HttpSeries, type Sample } from './sample';

/** A pull reader that only collects on demand. */
class TestReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

const BOUNDARIES = [0.1, 1];
const START = emptySample(0, [9, 99]);

let reader: TestReader;
let provider: MeterProvider;
let http: Meter;
let orders: Meter;

beforeEach(() => {
  reader = new TestReader();
  provider = new MeterProvider({ readers: [reader] });
  http = provider.getMeter(METER_NAME, '0.1.0');
  orders = provider.getMeter('orders');
});

afterEach(async () => {
  await provider.shutdown();
});

async function collectMetrics() {
  const { resourceMetrics, errors } = await reader.collect();
  expect(errors).toEqual([]);
  return resourceMetrics;
}

async function collect(time: number, previous: Sample): Promise<Sample> {
  return toSample(time, await collectMetrics(), previous);
}

function httpDuration() {
  return http.createHistogram('http.server.request.duration', {
    unit: 's',
    advice: { explicitBucketBoundaries: BOUNDARIES },
  });
}

function find(sample: Sample, match: Partial<HttpSeries>): HttpSeries {
  const found = [...sample.http.values()].filter((s) =>
    Object.entries(match).every(([k, v]) => s[k as keyof HttpSeries] === v),
  );
  expect(found).toHaveLength(1);
  return found[0];
}

function instrument(instruments: readonly InstrumentStats[], name: string): InstrumentStats {
  const found = instruments.filter((i) => i.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('toSample', () => {
  test('an empty collection keeps the previous boundaries and has nothing', async () => {
    const resourceMetrics = await collectMetrics();
    const sample = toSample(1_000, resourceMetrics, START);
    expect(sample).toEqual({
      time: 1_000,
      http: new Map(),
      boundaries: [9, 99],
      activeRequests: 0,
      point: {
        time: 1_000,
        requestsPerSecond: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
        durationSeconds: { p50: null, p90: null, p99: null },
      },
    });
    expect(readInstruments(resourceMetrics)).toEqual([]);
  });

  test('the sample of a process that recorded nothing has no point', () => {
    expect(START).toEqual({ time: 0, http: new Map(), boundaries: [9, 99], activeRequests: 0, point: undefined });
  });

  test('reads http.server.request.duration series by attribute set', async () => {
    const duration = httpDuration();
    const ok = {
      'http.request.method': 'GET',
      'url.scheme': 'http',
      'http.route': '/orders/[id]',
      'http.response.status_code': 200,
    };
    duration.record(0.05, ok);
    duration.record(0.5, ok);
    duration.record(0.07, ok);
    duration.record(0.02, { 'http.request.method': 'GET', 'url.scheme': 'http', 'http.response.status_code': 404 });
    duration.record(2, {
      'http.request.method': 'POST',
      'url.scheme': 'http',
      'http.route': '/orders',
      'http.response.status_code': 503,
      'error.type': '503',
    });

    const resourceMetrics = await collectMetrics();
    const sample = toSample(2_000, resourceMetrics, START);
    expect(sample.time).toBe(2_000);
    expect(sample.boundaries).toEqual(BOUNDARIES);
    expect(sample.http.size).toBe(3);

    const okSeries = find(sample, { status: 200 });
    expect(okSeries).toMatchObject({ method: 'GET', route: '/orders/[id]', errorType: undefined, count: 3 });
    expect(okSeries.sum).toBeCloseTo(0.62, 12);
    expect(okSeries.bucketCounts).toEqual([2, 1, 0]);
    expect(sample.http.get(JSON.stringify(ok))).toBe(okSeries);

    const unmatched = find(sample, { status: 404 });
    expect(unmatched).toMatchObject({ method: 'GET', route: undefined, errorType: undefined, count: 1 });
    expect(unmatched.bucketCounts).toEqual([1, 0, 0]);

    const failed = find(sample, { status: 503 });
    expect(failed).toMatchObject({ method: 'POST', route: '/orders', errorType: '503', count: 1, sum: 2 });
    expect(failed.bucketCounts).toEqual([0, 0, 1]);

    // meterboard's own instruments are not listed as the app's instruments
    expect(readInstruments(resourceMetrics)).toEqual([]);
  });

  test('sums http.server.active_requests over its attribute sets', async () => {
    const active = http.createUpDownCounter('http.server.active_requests');
    active.add(3, { 'http.request.method': 'GET', 'url.scheme': 'http' });
    active.add(-1, { 'http.request.method': 'GET', 'url.scheme': 'http' });
    active.add(4, { 'http.request.method': 'POST', 'url.scheme': 'http' });
    const resourceMetrics = await collectMetrics();
    const sample = toSample(1_000, resourceMetrics, START);
    expect(sample.activeRequests).toBe(6);
    expect(readInstruments(resourceMetrics)).toEqual([]);
  });

  test('lists the instruments of other meters with their kind and values', async () => {
    const placed = orders.createCounter('orders.placed', { description: 'Orders placed.', unit: '{order}' });
    placed.add(2, { channel: 'web' });
    placed.add(3, { channel: 'web' });
    placed.add(1, { channel: 'api' });
    const open = orders.createUpDownCounter('orders.open');
    open.add(5);
    open.add(-2);
    const depth = orders.createGauge('orders.queue_depth');
    depth.record(7);
    depth.record(4);
    const amount = orders.createHistogram('orders.amount', { unit: 'EUR' });
    amount.record(10, { currency: 'EUR' });
    amount.record(30, { currency: 'EUR' });
    // an instrument named like meterboard's own, on another meter, is the app's
    orders.createHistogram('http.server.request.duration').record(1);

    const resourceMetrics = await collectMetrics();
    const sample = toSample(1_000, resourceMetrics, START);
    const instruments = readInstruments(resourceMetrics);
    expect(instruments.map((i) => [i.meter, i.name, i.kind]).sort()).toEqual(
      [
        ['orders', 'http.server.request.duration', 'histogram'],
        ['orders', 'orders.amount', 'histogram'],
        ['orders', 'orders.open', 'up-down-counter'],
        ['orders', 'orders.placed', 'counter'],
        ['orders', 'orders.queue_depth', 'gauge'],
      ].sort(),
    );
    expect(sample.http.size).toBe(0);

    const placedStats = instrument(instruments, 'orders.placed');
    expect(placedStats).toMatchObject({ description: 'Orders placed.', unit: '{order}', kind: 'counter' });
    expect(placedStats.points).toHaveLength(2);
    expect(placedStats.points).toEqual(
      expect.arrayContaining([
        { attributes: { channel: 'web' }, value: 5 },
        { attributes: { channel: 'api' }, value: 1 },
      ]),
    );
    expect(instrument(instruments, 'orders.open').points).toEqual([{ attributes: {}, value: 3 }]);
    expect(instrument(instruments, 'orders.queue_depth').points).toEqual([{ attributes: {}, value: 4 }]);
    expect(instrument(instruments, 'orders.amount')).toEqual({
      meter: 'orders',
      name: 'orders.amount',
      description: '',
      unit: 'EUR',
      kind: 'histogram',
      points: [{ attributes: { currency: 'EUR' }, count: 2, sum: 40, min: 10, max: 30 }],
    });
  });

  test('a series whose count did not change is the same object as in the previous sample', async () => {
    const duration = httpDuration();
    const a = { 'http.request.method': 'GET', 'http.route': '/a', 'http.response.status_code': 200 };
    const b = { 'http.request.method': 'GET', 'http.route': '/b', 'http.response.status_code': 200 };
    duration.record(0.05, a);
    duration.record(0.05, b);
    const first = await collect(1_000, START);

    duration.record(0.5, b);
    const second = await collect(2_000, first);
    const third = await collect(3_000, second);

    const keyA = JSON.stringify(a);
    const keyB = JSON.stringify(b);
    expect(second.http.get(keyA)).toBe(first.http.get(keyA));
    expect(second.http.get(keyB)).not.toBe(first.http.get(keyB));
    expect(second.http.get(keyB)).toMatchObject({ count: 2, bucketCounts: [1, 1, 0] });
    expect(first.http.get(keyB)).toMatchObject({ count: 1, bucketCounts: [1, 0, 0] });
    expect(third.http.get(keyA)).toBe(first.http.get(keyA));
    expect(third.http.get(keyB)).toBe(second.http.get(keyB));
    expect(third.boundaries).toEqual(BOUNDARIES);
  });

  test('a series recorded without a status code has no status', async () => {
    const duration = httpDuration();
    const aborted = { 'http.request.method': 'GET', 'url.scheme': 'http', 'http.route': '/a', 'error.type': 'aborted' };
    duration.record(0.5, aborted);
    const sample = await collect(1_000, START);
    expect(sample.http.get(JSON.stringify(aborted))).toEqual({
      method: 'GET',
      route: '/a',
      status: undefined,
      errorType: 'aborted',
      count: 1,
      sum: 0.5,
      bucketCounts: [0, 1, 0],
    });
    // Counted in no status class, but in the percentiles.
    expect(sample.point!.requestsPerSecond).toEqual({ '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 });
    expect(sample.point!.durationSeconds.p50).toBeCloseTo(0.55, 12);
  });

  test('its point is the interval since the previous sample', async () => {
    const duration = httpDuration();
    const ok = { 'http.request.method': 'GET', 'url.scheme': 'http', 'http.route': '/a', 'http.response.status_code': 200 };
    const failed = { ...ok, 'http.response.status_code': 503, 'error.type': '503' };
    duration.record(0.05, ok);
    duration.record(0.05, ok);
    const previous = await collect(1_000, START);

    duration.record(0.05, ok);
    duration.record(0.5, ok);
    duration.record(2, failed);
    duration.record(2, failed);
    const sample = await collect(3_000, previous);

    expect(previous.point).toEqual(intervalPoint(START, previous));
    expect(previous.point!.requestsPerSecond).toEqual({ '2xx': 2, '3xx': 0, '4xx': 0, '5xx': 0 });
    expect(sample.point).toEqual(intervalPoint(previous, sample));
    // +2 2xx, +2 5xx over 2 s; buckets [1, 1, 2]
    expect(sample.point).toEqual({
      time: 3_000,
      requestsPerSecond: { '2xx': 1, '3xx': 0, '4xx': 0, '5xx': 1 },
      durationSeconds: { p50: 1, p90: 1, p99: 1 },
    });

    const quiet = await collect(4_000, sample);
    expect(quiet.point).toEqual({
      time: 4_000,
      requestsPerSecond: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
      durationSeconds: { p50: null, p90: null, p99: null },
    });
  });
});
