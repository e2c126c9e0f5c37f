import { ValueType, type Attributes, type HrTime } from '@opentelemetry/api';
import { emptyResource } from '@opentelemetry/resources';
import { AggregationTemporality, DataPointType, type MetricData, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { describe, expect, test } from 'vitest';
import { METER_NAME } from '../scope.js';
import { readRuntime, runtimeStats, type RuntimeReading, type RuntimeStats } from './runtime-reading.js';

// Hand-built collections shaped like what startRuntimeMetrics reports (lib/record/runtime-metrics.test.ts checks the real thing).

const TIME: HrTime = [0, 0];
const descriptor = (name: string) => ({ name, description: '', unit: '', valueType: ValueType.DOUBLE });
const point = <T,>(value: T, attributes: Attributes = {}) => ({ startTime: TIME, endTime: TIME, attributes, value });

function gauge(name: string, ...points: [number, Attributes?][]): MetricData {
  return {
    descriptor: descriptor(name),
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.GAUGE,
    dataPoints: points.map(([value, attributes]) => point(value, attributes)),
  };
}

function sum(name: string, ...points: [number, Attributes?][]): MetricData {
  return { ...gauge(name, ...points), dataPointType: DataPointType.SUM, isMonotonic: true } as MetricData;
}

/** v8js.gc.duration with one data point per [gc type, count, sum in seconds]. */
function gcDuration(...points: [string, number, number][]): MetricData {
  return {
    descriptor: descriptor('v8js.gc.duration'),
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.HISTOGRAM,
    dataPoints: points.map(([type, count, seconds]) =>
      point({ count, sum: seconds, buckets: { boundaries: [0.005], counts: [count, 0] } }, { 'v8js.gc.type': type }),
    ),
  };
}

function collection(scopes: Record<string, MetricData[]>): ResourceMetrics {
  return {
    resource: emptyResource(),
    scopeMetrics: Object.entries(scopes).map(([name, metrics]) => ({ scope: { name }, metrics })),
  };
}

const NOTHING: Omit<RuntimeReading, 'time'> = {
  eventLoopDelayP50Seconds: null,
  eventLoopDelayP99Seconds: null,
  eventLoopUtilization: null,
  eventLoopActiveSeconds: null,
  eventLoopIdleSeconds: null,
  heapUsedBytes: null,
  heapTotalBytes: null,
  rssBytes: null,
  cpuSeconds: null,
  gcCount: null,
  gcSeconds: null,
};

const RUNTIME_METRICS = [
  gauge('nodejs.eventloop.delay.p50', [0.0102]),
  gauge('nodejs.eventloop.delay.p90', [0.0109]),
  gauge('nodejs.eventloop.delay.p99', [0.0131]),
  gauge('nodejs.eventloop.utilization', [0.25]),
  sum('nodejs.eventloop.time', [3, { 'nodejs.eventloop.state': 'active' }], [9, { 'nodejs.eventloop.state': 'idle' }]),
  gauge('v8js.memory.heap.used', [1_000, { 'v8js.heap.space.name': 'new_space' }], [5_000, { 'v8js.heap.space.name': 'old_space' }]),
  sum('v8js.memory.heap.space.size', [4_000, { 'v8js.heap.space.name': 'new_space' }], [8_000, { 'v8js.heap.space.name': 'old_space' }]),
  gauge('v8js.memory.heap.space.physical_size', [2_000, { 'v8js.heap.space.name': 'new_space' }]),
  gcDuration(['minor', 10, 0.02], ['major', 2, 0.03]),
];

const PROCESS_METRICS = [
  sum('process.memory.usage', [50_000]),
  sum('process.cpu.time', [1.5, { 'cpu.mode': 'user' }], [0.25, { 'cpu.mode': 'system' }]),
];

describe('readRuntime', () => {
  test.each<{ name: string; resourceMetrics: ResourceMetrics; expected: Partial<RuntimeReading> }>([
    { name: 'an empty collection', resourceMetrics: collection({}), expected: {} },
    {
      name: 'every runtime instrument',
      resourceMetrics: collection({ [METER_NAME]: [...RUNTIME_METRICS, ...PROCESS_METRICS] }),
      expected: {
        eventLoopDelayP50Seconds: 0.0102,
        eventLoopDelayP99Seconds: 0.0131,
        eventLoopUtilization: 0.25,
        eventLoopActiveSeconds: 3,
        eventLoopIdleSeconds: 9,
        heapUsedBytes: 6_000,
        heapTotalBytes: 12_000,
        rssBytes: 50_000,
        cpuSeconds: 1.75,
        gcCount: 12,
        gcSeconds: 0.05,
      },
    },
    {
      name: 'the same names under other scopes',
      resourceMetrics: collection({ 'some-library': [...RUNTIME_METRICS, ...PROCESS_METRICS], '@opentelemetry/instrumentation-runtime-node': RUNTIME_METRICS }),
      expected: {},
    },
    {
      name: 'instruments without data points (no GC yet, too few delay samples)',
      resourceMetrics: collection({ [METER_NAME]: [gcDuration(), gauge('nodejs.eventloop.delay.p50'), sum('nodejs.eventloop.time')] }),
      expected: {},
    },
    {
      name: 'event loop time of one state only',
      resourceMetrics: collection({ [METER_NAME]: [sum('nodejs.eventloop.time', [3, { 'nodejs.eventloop.state': 'active' }])] }),
      expected: { eventLoopActiveSeconds: 3 },
    },
  ])('reads $name', ({ resourceMetrics, expected }) => {
    expect(readRuntime(1_000, resourceMetrics)).toEqual({ time: 1_000, ...NOTHING, ...expected });
  });
});

/** A reading at `seconds` with the given values, null for the rest. */
function reading(seconds: number, values: Partial<RuntimeReading> = {}): RuntimeReading {
  return { time: seconds * 1000, ...NOTHING, ...values };
}

const GAUGES = {
  eventLoopDelayP50Seconds: 0.011,
  eventLoopDelayP99Seconds: 0.02,
  eventLoopUtilization: 0.9,
  heapUsedBytes: 6_000,
  heapTotalBytes: 12_000,
  rssBytes: 50_000,
};

const BEFORE = reading(10, { ...GAUGES, eventLoopActiveSeconds: 3, eventLoopIdleSeconds: 9, cpuSeconds: 1, gcCount: 10, gcSeconds: 0.1 });
const AFTER = reading(12, { ...GAUGES, eventLoopActiveSeconds: 4, eventLoopIdleSeconds: 10, cpuSeconds: 2, gcCount: 14, gcSeconds: 0.14 });

const NO_RATES = { cpuUtilization: null, gcPausesPerSecond: null, gcPauseSecondsPerSecond: null };

describe('runtimeStats', () => {
  test.each<{ name: string; previous: RuntimeReading | undefined; current: RuntimeReading; expected: RuntimeStats }>([
    {
      name: 'over two seconds: rates per second, utilization from the event loop times',
      previous: BEFORE,
      current: AFTER,
      expected: { ...GAUGES, eventLoopUtilization: 0.5, cpuUtilization: 0.5, gcPausesPerSecond: 2, gcPauseSecondsPerSecond: 0.02 },
    },
    {
      name: 'without a previous reading: current values, no rates, the utilization gauge',
      previous: undefined,
      current: AFTER,
      expected: { ...GAUGES, ...NO_RATES },
    },
    {
      name: 'after counters went down (a reset): no rates, never negative ones',
      previous: AFTER,
      current: { ...BEFORE, time: 14_000 },
      expected: { ...GAUGES, ...NO_RATES },
    },
    {
      name: 'when the previous reading lacks the counters',
      previous: reading(10, GAUGES),
      current: AFTER,
      expected: { ...GAUGES, ...NO_RATES },
    },
    {
      name: 'when no time passed',
      previous: BEFORE,
      current: { ...AFTER, time: BEFORE.time },
      expected: { ...GAUGES, eventLoopUtilization: 0.5, ...NO_RATES },
    },
    {
      name: 'when the clock went back',
      previous: BEFORE,
      current: { ...AFTER, time: BEFORE.time - 1_000 },
      expected: { ...GAUGES, eventLoopUtilization: 0.5, ...NO_RATES },
    },
    {
      name: 'when the event loop times did not move: the utilization gauge',
      previous: BEFORE,
      current: { ...AFTER, eventLoopActiveSeconds: 3, eventLoopIdleSeconds: 9 },
      expected: { ...GAUGES, cpuUtilization: 0.5, gcPausesPerSecond: 2, gcPauseSecondsPerSecond: 0.02 },
    },
    {
      name: 'when nothing was read',
      previous: reading(10),
      current: reading(11),
      expected: { ...NO_RATES, ...Object.fromEntries(Object.keys(GAUGES).map((key) => [key, null])) } as RuntimeStats,
    },
  ])('$name', ({ previous, current, expected }) => {
    const stats = runtimeStats(previous, current);
    expect(Object.keys(stats).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      if (value === null) expect(stats[key as keyof RuntimeStats], key).toBeNull();
      else expect(stats[key as keyof RuntimeStats], key).toBeCloseTo(value, 12);
    }
  });
});
