import { MeterProvider, type Histogram } from '@opentelemetry/sdk-metrics';
import { describe, expect, test } from 'vitest';
import { mulberry32 } from '../testing/latency-samples.js';
import { DEFAULT_CARDINALITY_LIMIT, DurationHistograms } from './duration-histograms.js';
import { DURATION_BUCKETS_S, OVERFLOW_ATTRIBUTES } from './http-instruments.js';
import { TestReader } from '../testing/test-reader.js';

const OPTIONS = { description: 'Duration of HTTP server requests.', unit: 's', boundaries: DURATION_BUCKETS_S };

/** A provider whose reader collects `histograms` (as lib/telemetry.ts wires it), and the SDK's own histogram beside it. */
function setup() {
  const histograms = new DurationHistograms({ name: 'meterboard', version: '1.2.3' });
  const reader = new TestReader({ metricProducers: [histograms] });
  const provider = new MeterProvider({ readers: [reader] });
  const sdkHistogram = provider.getMeter('sdk').createHistogram('sdk.duration', { unit: 's', advice: { explicitBucketBoundaries: DURATION_BUCKETS_S } });
  const collect = async () => {
    const { resourceMetrics } = await reader.collect();
    return Object.fromEntries(resourceMetrics.scopeMetrics.flatMap(({ scope, metrics }) => metrics.map((metric) => [`${scope.name} ${metric.descriptor.name}`, metric])));
  };
  return { histograms, sdkHistogram, collect };
}

describe('DurationHistograms', () => {
  test("reports exactly what the SDK's own histogram reports for the same values: buckets, sum, count, min, max", async () => {
    const { histograms, sdkHistogram, collect } = setup();
    const series = histograms.histogram('http.server.request.duration', OPTIONS).newSeries({ 'http.route': '/a' });
    const random = mulberry32(7);
    // Boundaries themselves (a value on a boundary belongs to the bucket it closes), zero, NaN and beyond the last bucket.
    const values = [...DURATION_BUCKETS_S, 0, Number.NaN, 12, 600, ...Array.from({ length: 2000 }, () => 10 ** (4 * random() - 4))];
    for (const value of values) {
      series.histogram.record(value);
      sdkHistogram.record(value, { 'http.route': '/a' });
    }
    const metrics = await collect();
    const ours = metrics['meterboard http.server.request.duration'];
    const sdk = metrics['sdk sdk.duration'];
    expect(ours.descriptor).toMatchObject({ name: 'http.server.request.duration', unit: 's', description: OPTIONS.description });
    expect(ours.aggregationTemporality).toBe(sdk.aggregationTemporality);
    expect(ours.dataPointType).toBe(sdk.dataPointType);
    const [ourPoint] = ours.dataPoints as Array<{ attributes: object; value: Histogram }>;
    const [sdkPoint] = sdk.dataPoints as Array<{ attributes: object; value: Histogram }>;
    expect(ourPoint.attributes).toEqual(sdkPoint.attributes);
    expect({ ...ourPoint.value, sum: 0 }).toEqual({ ...sdkPoint.value, sum: 0 });
    expect(ourPoint.value.sum).toBeCloseTo(sdkPoint.value.sum!, 9);
  });

  test('a collection is a snapshot: later recordings do not change what was collected', async () => {
    const { histograms, collect } = setup();
    const series = histograms.histogram('d', OPTIONS).newSeries({});
    series.histogram.record(0.1);
    const first = (await collect())['meterboard d'].dataPoints[0].value as Histogram;
    series.histogram.record(0.2);
    expect([first.count, first.buckets.counts.reduce((a, b) => a + b)]).toEqual([1, 1]);
    expect(((await collect())['meterboard d'].dataPoints[0].value as Histogram).count).toBe(2);
  });

  test('series that never recorded are not reported', async () => {
    const { histograms, collect } = setup();
    const histogram = histograms.histogram('d', OPTIONS);
    histogram.newSeries({ status: 200 });
    histogram.newSeries({ status: 500 }).histogram.record(1);
    expect((await collect())['meterboard d'].dataPoints.map((point) => point.attributes)).toEqual([{ status: 500 }]);
  });

  test("extra attributes make series of their own; the series' attributes win on conflict", async () => {
    const { histograms, collect } = setup();
    const histogram = histograms.histogram('d', OPTIONS);
    const series = histogram.newSeries({ 'http.route': '/a' });
    histogram.withExtraAttributes(series, { tenant: 'x', 'http.route': '/forged' }).record(1);
    histogram.withExtraAttributes(series, { 'http.route': '/forged', tenant: 'x' }).record(2);
    histogram.withExtraAttributes(series, { tenant: 'y' }).record(3);
    const points = (await collect())['meterboard d'].dataPoints.map((point) => [point.attributes, (point.value as Histogram).count]);
    expect(points).toEqual([
      [{ tenant: 'x', 'http.route': '/a' }, 2],
      [{ tenant: 'y', 'http.route': '/a' }, 1],
    ]);
  });

  test('extras that add no key of their own record into the series itself: one attribute set, one series', async () => {
    const { histograms, collect } = setup();
    const histogram = histograms.histogram('d', OPTIONS);
    const series = histogram.newSeries({ 'http.route': '/a' });
    series.histogram.record(1);
    histogram.withExtraAttributes(series, {}).record(2);
    histogram.withExtraAttributes(series, { 'http.route': '/forged' }).record(3);
    const points = (await collect())['meterboard d'].dataPoints.map((point) => [point.attributes, (point.value as Histogram).count]);
    expect(points).toEqual([[{ 'http.route': '/a' }, 3]]);
  });

  test('two series whose extras make the same attribute set share one histogram', async () => {
    const { histograms, collect } = setup();
    const histogram = histograms.histogram('d', OPTIONS);
    const series = histogram.newSeries({ 'http.route': '/a' });
    histogram.withExtraAttributes(series, { tenant: 'x', region: 'eu' }).record(1);
    histogram.withExtraAttributes(series, { region: 'eu', tenant: 'x' }).record(1);
    expect((await collect())['meterboard d'].dataPoints).toHaveLength(1);
  });

  test(`past ${DEFAULT_CARDINALITY_LIMIT} series, new ones go to one otel.metric.overflow series and nothing is lost`, async () => {
    const { histograms, collect } = setup();
    const histogram = histograms.histogram('d', OPTIONS);
    const series = histogram.newSeries({ 'http.route': '/a' });
    series.histogram.record(0.01);
    for (let user = 0; user < DEFAULT_CARDINALITY_LIMIT + 500; user++) histogram.withExtraAttributes(series, { user }).record(0.01);
    const points = (await collect())['meterboard d'].dataPoints;
    expect(points.length).toBe(DEFAULT_CARDINALITY_LIMIT);
    expect(points.at(-1)!.attributes).toEqual(OVERFLOW_ATTRIBUTES);
    expect(points.reduce((sum, point) => sum + (point.value as Histogram).count, 0)).toBe(DEFAULT_CARDINALITY_LIMIT + 501);
  });
});
