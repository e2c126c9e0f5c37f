import 'server-only';
import {
  constants as perfConstants,
  monitorEventLoopDelay,
  performance,
  PerformanceObserver,
  type EventLoopUtilization,
  type IntervalHistogram,
  type PerformanceEntry,
} from 'node:perf_hooks';
import v8 from 'node:v8';
import type { Attributes, Histogram, Meter, MeterProvider } from '@opentelemetry/api';
import {
  ATTR_CPU_MODE,
  ATTR_NODEJS_EVENTLOOP_STATE,
  ATTR_V8JS_GC_TYPE,
  ATTR_V8JS_HEAP_SPACE_NAME,
  CPU_MODE_VALUE_SYSTEM,
  CPU_MODE_VALUE_USER,
  METRIC_NODEJS_EVENTLOOP_DELAY_MAX,
  METRIC_NODEJS_EVENTLOOP_DELAY_MEAN,
  METRIC_NODEJS_EVENTLOOP_DELAY_MIN,
  METRIC_NODEJS_EVENTLOOP_DELAY_P50,
  METRIC_NODEJS_EVENTLOOP_DELAY_P90,
  METRIC_NODEJS_EVENTLOOP_DELAY_P99,
  METRIC_NODEJS_EVENTLOOP_DELAY_STDDEV,
  METRIC_NODEJS_EVENTLOOP_TIME,
  METRIC_NODEJS_EVENTLOOP_UTILIZATION,
  METRIC_PROCESS_CPU_TIME,
  METRIC_PROCESS_MEMORY_USAGE,
  METRIC_V8JS_GC_DURATION,
  METRIC_V8JS_MEMORY_HEAP_SPACE_AVAILABLE_SIZE,
  METRIC_V8JS_MEMORY_HEAP_SPACE_PHYSICAL_SIZE,
  METRIC_V8JS_MEMORY_HEAP_SPACE_SIZE,
  METRIC_V8JS_MEMORY_HEAP_USED,
  NODEJS_EVENTLOOP_STATE_VALUE_ACTIVE,
  NODEJS_EVENTLOOP_STATE_VALUE_IDLE,
  V8JS_GC_TYPE_VALUE_INCREMENTAL,
  V8JS_GC_TYPE_VALUE_MAJOR,
  V8JS_GC_TYPE_VALUE_MINOR,
  V8JS_GC_TYPE_VALUE_WEAKCB,
} from '@opentelemetry/semantic-conventions/incubating';
import { currentConsumer } from '../collect/collection-consumer.js';
import { logOnce } from '../log-once.js';
import { METER_NAME, METER_VERSION } from '../scope.js';
import { EVENT_LOOP_DELAY_RESOLUTION_MS, GC_DURATION_BUCKETS_S } from './runtime-instruments.js';

// On globalThis: every bundle has its own copy of this module, and the instruments must exist once per process.
const STARTED = Symbol.for('meterboard.runtimeMetricsStarted');
type StartedGlobal = typeof globalThis & { [STARTED]?: boolean };

const USER_MODE = { [ATTR_CPU_MODE]: CPU_MODE_VALUE_USER };
const SYSTEM_MODE = { [ATTR_CPU_MODE]: CPU_MODE_VALUE_SYSTEM };
const ACTIVE_STATE = { [ATTR_NODEJS_EVENTLOOP_STATE]: NODEJS_EVENTLOOP_STATE_VALUE_ACTIVE };
const IDLE_STATE = { [ATTR_NODEJS_EVENTLOOP_STATE]: NODEJS_EVENTLOOP_STATE_VALUE_IDLE };
const GC_TYPES: Record<number, Attributes> = {
  [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: { [ATTR_V8JS_GC_TYPE]: V8JS_GC_TYPE_VALUE_MAJOR },
  [perfConstants.NODE_PERFORMANCE_GC_MINOR]: { [ATTR_V8JS_GC_TYPE]: V8JS_GC_TYPE_VALUE_MINOR },
  [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: { [ATTR_V8JS_GC_TYPE]: V8JS_GC_TYPE_VALUE_INCREMENTAL },
  [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: { [ATTR_V8JS_GC_TYPE]: V8JS_GC_TYPE_VALUE_WEAKCB },
};
const MICROSECONDS_PER_SECOND = 1e6;
const MILLISECONDS_PER_SECOND = 1e3;
const NANOSECONDS_PER_SECOND = 1e9;

/**
 * Reports the Node.js runtime's health on `meterProvider` under the semantic-convention names
 * (https://opentelemetry.io/docs/specs/semconv/runtime/nodejs-metrics/,
 * https://opentelemetry.io/docs/specs/semconv/runtime/v8js-metrics/): event loop delay,
 * utilization and time, V8 heap by space, GC pauses, resident memory and CPU time. Everything but
 * the GC pauses is read at collection. Once per process: later calls do nothing. Never throws.
 *
 * Not @opentelemetry/instrumentation-runtime-node, which reports the same: like every
 * @opentelemetry/instrumentation it installs require-in-the-middle, a hook on every require() of
 * the process, and Next requires modules on every request (30 µs of CPU per request measured here,
 * 4% of a trivial route: npm run bench -- overhead).
 */
export function startRuntimeMetrics(meterProvider: MeterProvider, consumers: readonly string[] = [], { frequentConsumers = [] }: RuntimeMetricsOptions = {}): void {
  const global = globalThis as StartedGlobal;
  if (global[STARTED]) return;
  // Set before starting: retrying after a half-done start would register instruments twice.
  global[STARTED] = true;
  try {
    const meter = meterProvider.getMeter(METER_NAME, METER_VERSION);
    recordEventLoop(meter, consumers, new Set(frequentConsumers));
    recordHeap(meter);
    recordGarbageCollection(meter);
    recordProcess(meter);
  } catch (error) {
    logOnce('runtime', 'failed to start the runtime metrics; the app runs without them', error);
  }
}

/** Options of startRuntimeMetrics. */
export interface RuntimeMetricsOptions {
  /**
   * Consumers that collect every second or so (the history): they get the event loop delay's min,
   * max and percentiles, not its mean and stddev. Node computes those two by walking every bucket
   * of its delay histogram, about 0.2 ms a collection here (npm run bench -- sample), against
   * microseconds for a percentile.
   */
  frequentConsumers?: readonly string[];
}

/**
 * What the event loop did since a consumer's previous collection: each consumer (the history, a
 * /metrics scrape, a push reader; lib/collect/collection-consumer.ts) has its own delay histogram
 * and utilization baseline, so each sees the whole of its own interval. A consumer's first
 * collection starts its interval, so it reports no delay of its own yet: the reader, cumulative,
 * reports the one another consumer observed last.
 */
class EventLoopInterval {
  readonly delay: IntervalHistogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_DELAY_RESOLUTION_MS });
  private previous: EventLoopUtilization | undefined;

  /** `startNow`: the utilization interval starts at construction, not at the first reading. */
  constructor(startNow = false) {
    this.delay.enable();
    if (startNow) this.previous = performance.eventLoopUtilization();
  }

  /**
   * Utilization since the previous call, 0..1; undefined at the first call of an interval that did
   * not start at construction: that call only starts it (it would cover microseconds).
   */
  utilization(): number | undefined {
    const current = performance.eventLoopUtilization();
    const utilization = this.previous === undefined ? undefined : performance.eventLoopUtilization(current, this.previous).utilization;
    this.previous = current;
    return utilization;
  }
}

/** nodejs.eventloop.delay.* and nodejs.eventloop.utilization over each consumer's own interval, nodejs.eventloop.time. */
function recordEventLoop(meter: Meter, consumers: readonly string[], frequentConsumers: ReadonlySet<string>): void {
  // The known consumers' intervals start now, so their first collection covers the time since start.
  const intervals = new Map<string, EventLoopInterval>(consumers.map((consumer) => [consumer, new EventLoopInterval(true)]));
  const intervalOf = (consumer: string) => {
    let interval = intervals.get(consumer);
    if (interval === undefined) {
      interval = new EventLoopInterval();
      intervals.set(consumer, interval);
    }
    return interval;
  };
  const gauge = (name: string, description: string) => meter.createObservableGauge(name, { description, unit: 's' });
  const gauges = {
    min: gauge(METRIC_NODEJS_EVENTLOOP_DELAY_MIN, 'Event loop minimum delay.'),
    max: gauge(METRIC_NODEJS_EVENTLOOP_DELAY_MAX, 'Event loop maximum delay.'),
    mean: gauge(METRIC_NODEJS_EVENTLOOP_DELAY_MEAN, 'Event loop mean delay.'),
    stddev: gauge(METRIC_NODEJS_EVENTLOOP_DELAY_STDDEV, 'Event loop standard deviation delay.'),
    p50: gauge(METRIC_NODEJS_EVENTLOOP_DELAY_P50, 'Event loop 50 percentile delay.'),
    p90: gauge(METRIC_NODEJS_EVENTLOOP_DELAY_P90, 'Event loop 90 percentile delay.'),
    p99: gauge(METRIC_NODEJS_EVENTLOOP_DELAY_P99, 'Event loop 99 percentile delay.'),
  };
  meter.addBatchObservableCallback((result) => {
    const consumer = currentConsumer();
    const { delay } = intervalOf(consumer);
    // Node's histogram is in nanoseconds and reports NaN/huge values until it has a sample.
    if (delay.count > 0) {
      result.observe(gauges.min, delay.min / NANOSECONDS_PER_SECOND);
      result.observe(gauges.max, delay.max / NANOSECONDS_PER_SECOND);
      if (!frequentConsumers.has(consumer)) {
        result.observe(gauges.mean, delay.mean / NANOSECONDS_PER_SECOND);
        result.observe(gauges.stddev, delay.stddev / NANOSECONDS_PER_SECOND);
      }
      result.observe(gauges.p50, delay.percentile(50) / NANOSECONDS_PER_SECOND);
      result.observe(gauges.p90, delay.percentile(90) / NANOSECONDS_PER_SECOND);
      result.observe(gauges.p99, delay.percentile(99) / NANOSECONDS_PER_SECOND);
    }
    delay.reset();
  }, Object.values(gauges));

  meter
    .createObservableGauge(METRIC_NODEJS_EVENTLOOP_UTILIZATION, { description: 'Event loop utilization.', unit: '1' })
    .addCallback((result) => {
      const utilization = intervalOf(currentConsumer()).utilization();
      if (utilization !== undefined) result.observe(utilization);
    });
  meter
    .createObservableCounter(METRIC_NODEJS_EVENTLOOP_TIME, { description: 'Cumulative duration of time the event loop has been in each state.', unit: 's' })
    .addCallback((result) => {
      const { active, idle } = performance.eventLoopUtilization();
      result.observe(active / MILLISECONDS_PER_SECOND, ACTIVE_STATE);
      result.observe(idle / MILLISECONDS_PER_SECOND, IDLE_STATE);
    });
}

/** v8js.memory.heap.used and v8js.memory.heap.space.{size,available_size,physical_size}, by heap space. */
function recordHeap(meter: Meter): void {
  const upDown = (name: string, description: string) => meter.createObservableUpDownCounter(name, { description, unit: 'By' });
  const size = upDown(METRIC_V8JS_MEMORY_HEAP_SPACE_SIZE, 'Total heap memory size pre-allocated.');
  const used = upDown(METRIC_V8JS_MEMORY_HEAP_USED, 'Heap Memory size allocated.');
  const available = upDown(METRIC_V8JS_MEMORY_HEAP_SPACE_AVAILABLE_SIZE, 'Heap space available size.');
  const physical = upDown(METRIC_V8JS_MEMORY_HEAP_SPACE_PHYSICAL_SIZE, 'Committed size of a heap space.');
  const spaceAttributes = new Map<string, Attributes>();
  meter.addBatchObservableCallback(
    (result) => {
      for (const space of v8.getHeapSpaceStatistics()) {
        let attributes = spaceAttributes.get(space.space_name);
        if (attributes === undefined) {
          attributes = { [ATTR_V8JS_HEAP_SPACE_NAME]: space.space_name };
          spaceAttributes.set(space.space_name, attributes);
        }
        result.observe(size, space.space_size, attributes);
        result.observe(used, space.space_used_size, attributes);
        result.observe(available, space.space_available_size, attributes);
        result.observe(physical, space.physical_space_size, attributes);
      }
    },
    [size, used, available, physical],
  );
}

/** v8js.gc.duration, one recording per collection V8 reports, by v8js.gc.type. */
function recordGarbageCollection(meter: Meter): void {
  const duration: Histogram = meter.createHistogram(METRIC_V8JS_GC_DURATION, {
    description: 'Garbage collection duration.',
    unit: 's',
    advice: { explicitBucketBoundaries: GC_DURATION_BUCKETS_S },
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      const attributes = kind === undefined ? undefined : GC_TYPES[kind];
      if (attributes) duration.record(entry.duration / MILLISECONDS_PER_SECOND, attributes);
    }
  }).observe({ entryTypes: ['gc'] });
}

/** process.memory.usage (resident set size) and process.cpu.time by cpu.mode (https://opentelemetry.io/docs/specs/semconv/system/process-metrics/). */
function recordProcess(meter: Meter): void {
  meter
    .createObservableUpDownCounter(METRIC_PROCESS_MEMORY_USAGE, {
      description: 'The amount of physical memory in use.',
      unit: 'By',
    })
    .addCallback((result) => result.observe(process.memoryUsage.rss()));
  meter
    .createObservableCounter(METRIC_PROCESS_CPU_TIME, {
      description: 'Total CPU seconds broken down by different CPU modes.',
      unit: 's',
    })
    .addCallback((result) => {
      const { user, system } = process.cpuUsage();
      result.observe(user / MICROSECONDS_PER_SECOND, USER_MODE);
      result.observe(system / MICROSECONDS_PER_SECOND, SYSTEM_MODE);
    });
}
