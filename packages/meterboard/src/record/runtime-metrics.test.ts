import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { collectFor } from '../collect/collection-consumer.js';
import { HISTORY_CONSUMER } from '../collect/history.js';
import { readRuntime } from '../collect/runtime-reading.js';
import { PROMETHEUS_CONSUMER } from '../serialize/prometheus.js';
import { METER_NAME } from '../scope.js';
import { serializePrometheusText } from '../serialize/prometheus-text.js';
import { startRuntimeMetrics } from './runtime-metrics.js';
import { TestReader } from '../testing/test-reader.js';

// startRuntimeMetrics runs once per process, so the whole file shares one provider and one reader.

/** A pull reader that only collects on demand. */

const STARTED = Symbol.for('meterboard.runtimeMetricsStarted');
type StartedGlobal = typeof globalThis & { [STARTED]?: boolean };

/** Every instrument the runtime metrics report: scope, semconv name, unit, name in the Prometheus exposition. */
const INSTRUMENTS = [
  [METER_NAME, 'nodejs.eventloop.delay.min', 's', 'nodejs_eventloop_delay_min_seconds gauge'],
  [METER_NAME, 'nodejs.eventloop.delay.max', 's', 'nodejs_eventloop_delay_max_seconds gauge'],
  [METER_NAME, 'nodejs.eventloop.delay.mean', 's', 'nodejs_eventloop_delay_mean_seconds gauge'],
  [METER_NAME, 'nodejs.eventloop.delay.stddev', 's', 'nodejs_eventloop_delay_stddev_seconds gauge'],
  [METER_NAME, 'nodejs.eventloop.delay.p50', 's', 'nodejs_eventloop_delay_p50_seconds gauge'],
  [METER_NAME, 'nodejs.eventloop.delay.p90', 's', 'nodejs_eventloop_delay_p90_seconds gauge'],
  [METER_NAME, 'nodejs.eventloop.delay.p99', 's', 'nodejs_eventloop_delay_p99_seconds gauge'],
  [METER_NAME, 'nodejs.eventloop.utilization', '1', 'nodejs_eventloop_utilization_ratio gauge'],
  [METER_NAME, 'nodejs.eventloop.time', 's', 'nodejs_eventloop_time_seconds_total counter'],
  [METER_NAME, 'v8js.gc.duration', 's', 'v8js_gc_duration_seconds histogram'],
  [METER_NAME, 'v8js.memory.heap.space.size', 'By', 'v8js_memory_heap_space_size_bytes gauge'],
  [METER_NAME, 'v8js.memory.heap.used', 'By', 'v8js_memory_heap_used_bytes gauge'],
  [METER_NAME, 'v8js.memory.heap.space.available_size', 'By', 'v8js_memory_heap_space_available_size_bytes gauge'],
  [METER_NAME, 'v8js.memory.heap.space.physical_size', 'By', 'v8js_memory_heap_space_physical_size_bytes gauge'],
  [METER_NAME, 'process.memory.usage', 'By', 'process_memory_usage_bytes gauge'],
  [METER_NAME, 'process.cpu.time', 's', 'process_cpu_time_seconds_total counter'],
] as const;

const reader = new TestReader();
let provider: MeterProvider;
/** A collection in which every instrument has reported (event loop delay and GC need some real time). */
let full: ResourceMetrics;

async function collect(from: MetricReader = reader): Promise<ResourceMetrics> {
  const { resourceMetrics, errors } = await from.collect();
  expect(errors).toEqual([]);
  return resourceMetrics;
}

function namesIn(resourceMetrics: ResourceMetrics): string[] {
  return resourceMetrics.scopeMetrics.flatMap(({ metrics }) => metrics.map((metric) => metric.descriptor.name));
}

beforeAll(async () => {
  expect((globalThis as StartedGlobal)[STARTED]).toBeUndefined();
  provider = new MeterProvider({ readers: [reader] });
  startRuntimeMetrics(provider, [], { frequentConsumers: [HISTORY_CONSUMER] });
  // The delay gauges report once 5 samples (EVENT_LOOP_DELAY_RESOLUTION_MS apart) arrived since the
  // previous collection, v8js.gc.duration once a GC ran: collect until both did, allocating to cause a GC.
  full = await vi.waitFor(
    async () => {
      Array.from({ length: 100_000 }, (_, i) => ({ i }));
      const resourceMetrics = await collect();
      expect(namesIn(resourceMetrics)).toEqual(expect.arrayContaining(INSTRUMENTS.map(([, name]) => name)));
      return resourceMetrics;
    },
    // Waits for the samples and a GC, not a deadline: a loaded machine takes longer to give both.
    { timeout: 8_000, interval: 100 },
  );
});

afterAll(async () => {
  await provider.shutdown();
});

describe('startRuntimeMetrics', () => {
  test.each(INSTRUMENTS)('%s reports %s in %s', (scope, name, unit) => {
    const found = full.scopeMetrics
      .filter((scopeMetrics) => scopeMetrics.scope.name === scope)
      .flatMap(({ metrics }) => metrics)
      .filter((metric) => metric.descriptor.name === name);
    expect(found).toHaveLength(1);
    expect(found[0].descriptor.unit).toBe(unit);
    expect(found[0].dataPoints.length).toBeGreaterThan(0);
  });

  test('each consumer sees the event loop since its own previous collection: a stall stays in the scrape after the history collected', async () => {
    const maxDelayOf = (resourceMetrics: ResourceMetrics) =>
      resourceMetrics.scopeMetrics.flatMap(({ metrics }) => metrics).find((metric) => metric.descriptor.name === 'nodejs.eventloop.delay.max')?.dataPoints[0]?.value as number | undefined;
    const utilizationOf = (resourceMetrics: ResourceMetrics) =>
      resourceMetrics.scopeMetrics.flatMap(({ metrics }) => metrics).find((metric) => metric.descriptor.name === 'nodejs.eventloop.utilization')?.dataPoints[0]?.value as number | undefined;
    // Both consumers start their intervals, then let the loop run a little.
    await collectFor(PROMETHEUS_CONSUMER, () => collect());
    await collectFor(HISTORY_CONSUMER, () => collect());
    await new Promise((resolve) => setTimeout(resolve, 60));
    const stallStart = performance.now();
    while (performance.now() - stallStart < 300);
    await new Promise((resolve) => setTimeout(resolve, 60));
    // The history samples every second: it sees the stall and starts a new interval.
    expect(maxDelayOf(await collectFor(HISTORY_CONSUMER, () => collect()))).toBeGreaterThan(0.29);
    await new Promise((resolve) => setTimeout(resolve, 60));
    // The scrape 60 ms later still covers its own interval, stall included.
    const scrape = await collectFor(PROMETHEUS_CONSUMER, () => collect());
    expect(maxDelayOf(scrape)).toBeGreaterThan(0.29);
    expect(utilizationOf(scrape)).toBeGreaterThan(0.5);
  });

  test('the history, which collects every second, never asks Node for the delay mean and stddev (each walks the whole histogram); a scrape does', async () => {
    let histogram: object = monitorEventLoopDelay();
    while (Object.getOwnPropertyDescriptor(histogram, 'stddev') === undefined) histogram = Object.getPrototypeOf(histogram);
    const mean = vi.spyOn(histogram as { mean: number }, 'mean', 'get');
    const stddev = vi.spyOn(histogram as { stddev: number }, 'stddev', 'get');
    try {
      // Two collections each, the second after the delay monitor has samples (the first one starts a new consumer's interval).
      for (let i = 0; i < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await collectFor(HISTORY_CONSUMER, () => collect());
      }
      expect(mean).not.toHaveBeenCalled();
      expect(stddev).not.toHaveBeenCalled();
      await collectFor(PROMETHEUS_CONSUMER, () => collect());
      expect(mean).toHaveBeenCalled();
      expect(stddev).toHaveBeenCalled();
    } finally {
      mean.mockRestore();
      stddev.mockRestore();
    }
  });

  test("a consumer's first collection, which starts its delay monitor, reports the delay another consumer saw last (the reader keeps a gauge's last value)", async () => {
    const p99Of = (resourceMetrics: ResourceMetrics) =>
      resourceMetrics.scopeMetrics.flatMap(({ metrics }) => metrics).find((metric) => metric.descriptor.name === 'nodejs.eventloop.delay.p99')?.dataPoints[0]?.value;
    await collectFor(HISTORY_CONSUMER, () => collect());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const history = p99Of(await collectFor(HISTORY_CONSUMER, () => collect()));
    expect(history).toBeGreaterThan(0);
    expect(p99Of(await collectFor('first-time-consumer', () => collect()))).toBe(history);
  });

  test('reports every heap space by v8js.heap.space.name, as Node lists them', async () => {
    const used = (await collect()).scopeMetrics.flatMap(({ metrics }) => metrics).find((m) => m.descriptor.name === 'v8js.memory.heap.used')!;
    expect(used.dataPoints.map((point) => point.attributes['v8js.heap.space.name']).sort()).toEqual(
      (await import('node:v8')).getHeapSpaceStatistics().map((space) => space.space_name).sort(),
    );
  });

  test('records garbage collections by v8js.gc.type', () => {
    const gc = full.scopeMetrics.flatMap(({ metrics }) => metrics).find((m) => m.descriptor.name === 'v8js.gc.duration')!;
    for (const point of gc.dataPoints) expect(['major', 'minor', 'incremental', 'weakcb']).toContain(point.attributes['v8js.gc.type']);
  });

  test('reports plausible values', async () => {
    const before = process.memoryUsage();
    const reading = readRuntime(Date.now(), await collect());
    const after = process.memoryUsage();
    const cpu = process.cpuUsage();

    expect(reading.heapUsedBytes).toBeGreaterThan(0);
    expect(reading.heapUsedBytes).toBeLessThanOrEqual(reading.heapTotalBytes!);
    // The sum of v8js.memory.heap.space.size over the spaces is what Node calls heapTotal.
    expect(reading.heapTotalBytes).toBeGreaterThanOrEqual(Math.min(before.heapTotal, after.heapTotal) * 0.99);
    expect(reading.heapTotalBytes).toBeLessThanOrEqual(Math.max(before.heapTotal, after.heapTotal) * 1.01);
    expect(reading.rssBytes).toBeGreaterThan(reading.heapUsedBytes!);
    expect(reading.cpuSeconds).toBeGreaterThan(0);
    expect(reading.cpuSeconds).toBeLessThanOrEqual((cpu.user + cpu.system) / 1e6);
    expect(reading.eventLoopDelayP50Seconds).toBeGreaterThan(0);
    expect(reading.eventLoopDelayP99Seconds).toBeGreaterThanOrEqual(reading.eventLoopDelayP50Seconds!);
    expect(reading.eventLoopUtilization).toBeGreaterThanOrEqual(0);
    expect(reading.eventLoopUtilization).toBeLessThanOrEqual(1);
    expect(reading.eventLoopActiveSeconds).toBeGreaterThan(0);
    expect(reading.eventLoopIdleSeconds).toBeGreaterThanOrEqual(0);
    expect(reading.gcCount).toBeGreaterThanOrEqual(1);
    expect(reading.gcSeconds).toBeGreaterThan(0);
  });

  test('reports process.cpu.time by cpu.mode', () => {
    const cpuTime = full.scopeMetrics.flatMap(({ metrics }) => metrics).find((m) => m.descriptor.name === 'process.cpu.time')!;
    expect(cpuTime.dataPoints.map((point) => point.attributes)).toEqual([{ 'cpu.mode': 'user' }, { 'cpu.mode': 'system' }]);
  });

  test('the Prometheus exposition has one family per instrument, under the expected name', () => {
    const text = serializePrometheusText(full);
    for (const [, , , family] of INSTRUMENTS) {
      expect(text.split('\n').filter((line) => line === `# TYPE ${family}`)).toHaveLength(1);
    }
  });

  test('runs once per process: a second call adds nothing, even on another provider', async () => {
    const otherReader = new TestReader();
    const other = new MeterProvider({ readers: [otherReader] });
    startRuntimeMetrics(provider);
    startRuntimeMetrics(other);
    expect(namesIn(await collect(otherReader))).toEqual([]);
    expect(namesIn(await collect()).sort()).toEqual(namesIn(full).sort());
    await other.shutdown();
  });

  test('a failure is logged, not thrown', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    (globalThis as StartedGlobal)[STARTED] = undefined;
    try {
      const broken = {
        getMeter: () => {
          throw new Error('no meter');
        },
      };
      expect(() => startRuntimeMetrics(broken)).not.toThrow();
      expect(error).toHaveBeenCalledWith(expect.stringContaining('runtime metrics'), expect.any(Error));
    } finally {
      (globalThis as StartedGlobal)[STARTED] = true;
      error.mockRestore();
    }
  });
});
