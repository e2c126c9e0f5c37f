import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { describe, expect, test } from 'vitest';
import { buildInstrumentStats } from '../query/build-instrument-stats.js';
import { WINDOWS } from '../query/windows.js';
import { boundedMeterProvider } from '../record/bounded-meter-provider.js';
import { HistogramSketches, MAX_SKETCHED_SERIES } from '../record/histogram-sketches.js';
import { DISTRIBUTIONS, exactPercentile, mulberry32, relativeError } from '../testing/latency-samples.js';
import { History } from './history.js';
import { TestReader } from '../testing/test-reader.js';

// The app's own histograms, recorded through the plain API with the SDK's default buckets, as an app
// records `orders.value` or a latency in ms: the dashboard's percentiles must be within 2% of the
// exact ones at every window, while /metrics keeps the default buckets.

const START = Date.UTC(2024, 0, 2, 3, 0, 0);
const SECONDS = 120;
const PER_SECOND = 100;
const NO_HTTP = { drain: () => ({ http: [], serverActions: [] }) };

/** Records `SECONDS` seconds of `distribution` (in ms) into a histogram of the app, sampling the history once per second. */
async function recordedHistory(distribution: string, sketched = true): Promise<{ history: History; values: number[]; reader: TestReader }> {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  const sketches = sketched ? new HistogramSketches() : undefined;
  const meter = boundedMeterProvider(provider, 2000, sketches).getMeter('shop');
  const latency = meter.createHistogram('checkout.latency', { unit: 'ms' });
  const history = new History(reader, { http: NO_HTTP, sketches }, START);
  const random = mulberry32(7);
  const values: number[] = [];
  for (let second = 1; second <= SECONDS; second++) {
    for (let i = 0; i < PER_SECOND; i++) {
      const value = DISTRIBUTIONS[distribution](random) * 1000;
      values.push(value);
      latency.record(value, { route: i % 2 === 0 ? '/a' : '/b' });
    }
    await history.sample(START + second * 1000);
  }
  return { history, values, reader };
}

/** The explorer's answer for shop's checkout.latency over `windowName`. */
function explorerDetail(history: History, windowName: string) {
  const window = WINDOWS.find((candidate) => candidate.name === windowName)!;
  return buildInstrumentStats(history.ring(window.name), {
    serviceName: 'test',
    instanceId: 'test',
    window,
    since: undefined,
    descriptors: history.descriptors(),
    instrument: { meter: 'shop', name: 'checkout.latency' },
    groupBy: undefined,
    filters: [],
  });
}

/** p50, p90 and p99 of the window's only group, and their exact values. */
async function percentilesOf(distribution: string, windowName: string, sketched = true) {
  const { history, values } = await recordedHistory(distribution, sketched);
  const detail = explorerDetail(history, windowName);
  // The 1m window holds the last 60 s; the longer ones the whole recording.
  const inWindow = values.slice(-Math.min(values.length, Math.round(detail.coveredSeconds) * PER_SECOND));
  const sorted = Float64Array.from(inWindow).sort();
  const [group] = detail.groups;
  expect(group.value).toBe(inWindow.length);
  return (['p50', 'p90', 'p99'] as const).map((key, i) => ({ key, estimate: group.percentiles![key], exact: exactPercentile(sorted, [50, 90, 99][i]) }));
}

describe.each(['uniform 1..100 ms', 'log-normal, median 20 ms, sigma 1', 'bimodal 5 ms (80%) + 500 ms (20%)'])('%s', (distribution) => {
  test.each(WINDOWS.map((window) => window.name))('the %s window: p50, p90 and p99 within 2%', async (windowName) => {
    for (const { key, estimate, exact } of await percentilesOf(distribution, windowName)) expect(relativeError(estimate, exact), key).toBeLessThanOrEqual(0.02);
  });
});

test.each(['log-normal, median 20 ms, sigma 1', 'bimodal 5 ms (80%) + 500 ms (20%)'])('%s: interpolated in the default buckets alone, a percentile is off by more than 2%', async (distribution) => {
  const errors = (await percentilesOf(distribution, '5m', false)).map(({ estimate, exact }) => relativeError(estimate, exact));
  expect(Math.max(...errors)).toBeGreaterThan(0.02);
});

test(`an instrument's series past the first ${MAX_SKETCHED_SERIES} get no sketch: the history's memory stays bounded`, () => {
  const sketches = new HistogramSketches();
  const instrument = sketches.of('shop\n\n\nlatency');
  const got = Array.from({ length: MAX_SKETCHED_SERIES + 5 }, (_, i) => instrument.sketchOf(`series-${i}`));
  expect(got.filter((sketch) => sketch !== undefined)).toHaveLength(MAX_SKETCHED_SERIES);
  // A drain starts the sketches afresh, not the count: the same series keep theirs.
  sketches.drain();
  expect(instrument.sketchOf('series-0')).toBeDefined();
  expect(instrument.sketchOf(`series-${MAX_SKETCHED_SERIES}`)).toBeUndefined();
});

test('a recording made while the collection ran (in one tick\'s sketch, the next tick\'s buckets) still counts in the sketch', async () => {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  const sketches = new HistogramSketches();
  const histogram = boundedMeterProvider(provider, 2000, sketches).getMeter('shop').createHistogram('checkout.latency', { unit: 'ms' });
  const history = new History(reader, { http: NO_HTTP, sketches }, START);
  // The series exists, and has a sketch.
  histogram.record(40);
  await history.sample(START + 1000);
  // 6 ms lands in the sketch after the SDK's collection and before the drain of the next sample...
  sketches.of('shop\n\n\ncheckout.latency').sketchOf('[]')!.record(6);
  await history.sample(START + 2000);
  // ... and in the SDK's buckets of the sample after.
  provider.getMeter('shop').createHistogram('checkout.latency', { unit: 'ms' }).record(6);
  await history.sample(START + 3000);
  const [group] = explorerDetail(history, '1m').groups;
  expect(group.value).toBe(2);
  // From the sketch: 6 ms within 2% (the buckets (5, 10] would say 7.5 ms).
  expect(relativeError(group.percentiles!.p50, 6)).toBeLessThanOrEqual(0.02);
  expect(relativeError(group.percentiles!.p99, 40)).toBeLessThanOrEqual(0.02);
});

test('NaN (which the SDK records) passes the limit like any value, a negative value (which it drops) takes no place, and a handle in another case records into the same sketch', async () => {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  const sketches = new HistogramSketches();
  const meter = boundedMeterProvider(provider, 3, sketches).getMeter('shop');
  const histogram = meter.createHistogram('checkout.latency');
  histogram.record(Number.NaN, { id: 'a' });
  histogram.record(-1, { id: 'b' });
  histogram.record(10, { id: 'c' });
  histogram.record(10, { id: 'd' });
  meter.createHistogram('Checkout.Latency').record(12, { id: 'c' });
  const { resourceMetrics } = await reader.collect();
  const points = resourceMetrics.scopeMetrics[0].metrics[0].dataPoints.map((point) => point.attributes);
  // Limit 3: two sets of its own ('a' for NaN, 'c'), then the overflow series; none for the dropped -1.
  expect(points).toEqual([{ id: 'a' }, { id: 'c' }, { 'otel.metric.overflow': true }]);
  const drained = sketches.drain().get('shop\n\n\ncheckout.latency')!;
  expect(drained.series.get(JSON.stringify([['id', 'c']]))!.count).toBe(2);
});

test('/metrics keeps the buckets the app chose: the SDK still reports its explicit histogram', async () => {
  const { reader } = await recordedHistory('uniform 1..100 ms');
  const { resourceMetrics } = await reader.collect();
  const metric = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics).find((candidate) => candidate.descriptor.name === 'checkout.latency')!;
  const point = metric.dataPoints[0].value as { buckets: { boundaries: number[] } };
  expect(point.buckets.boundaries).toEqual([0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000]);
});
