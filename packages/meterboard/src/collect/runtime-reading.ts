import { DataPointType, type MetricData, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import {
  ATTR_NODEJS_EVENTLOOP_STATE,
  METRIC_NODEJS_EVENTLOOP_DELAY_P50,
  METRIC_NODEJS_EVENTLOOP_DELAY_P99,
  METRIC_NODEJS_EVENTLOOP_TIME,
  METRIC_NODEJS_EVENTLOOP_UTILIZATION,
  METRIC_PROCESS_CPU_TIME,
  METRIC_PROCESS_MEMORY_USAGE,
  METRIC_V8JS_GC_DURATION,
  METRIC_V8JS_MEMORY_HEAP_SPACE_SIZE,
  METRIC_V8JS_MEMORY_HEAP_USED,
  NODEJS_EVENTLOOP_STATE_VALUE_ACTIVE,
  NODEJS_EVENTLOOP_STATE_VALUE_IDLE,
} from '@opentelemetry/semantic-conventions/incubating';
import { METER_NAME } from '../scope.js';

/**
 * Cumulative/current runtime values read from one collection (ResourceMetrics of
 * @opentelemetry/sdk-metrics); each is null when the collection had no data point for it.
 */
export interface RuntimeReading {
  /** Epoch milliseconds. */
  readonly time: number;
  /**
   * nodejs.eventloop.delay.p50, seconds, over the time since the previous collection of any reader
   * (the instrumentation resets its histogram on every collection). Includes the sampling interval,
   * EVENT_LOOP_DELAY_RESOLUTION_MS.
   */
  readonly eventLoopDelayP50Seconds: number | null;
  /** nodejs.eventloop.delay.p99, seconds; same window and floor as the p50. */
  readonly eventLoopDelayP99Seconds: number | null;
  /** nodejs.eventloop.utilization, 0..1, since the previous collection of any reader. */
  readonly eventLoopUtilization: number | null;
  /** nodejs.eventloop.time{nodejs.eventloop.state=active}, seconds since the event loop started. */
  readonly eventLoopActiveSeconds: number | null;
  /** nodejs.eventloop.time{nodejs.eventloop.state=idle}, seconds since the event loop started. */
  readonly eventLoopIdleSeconds: number | null;
  /** v8js.memory.heap.used summed over heap spaces, bytes: process.memoryUsage().heapUsed. */
  readonly heapUsedBytes: number | null;
  /** v8js.memory.heap.space.size summed over heap spaces, bytes: exactly process.memoryUsage().heapTotal. */
  readonly heapTotalBytes: number | null;
  /** process.memory.usage (resident set size), bytes. */
  readonly rssBytes: number | null;
  /** process.cpu.time, user + system, seconds since the process started. */
  readonly cpuSeconds: number | null;
  /** v8js.gc.duration count over all GC types, since runtime metrics started. */
  readonly gcCount: number | null;
  /** v8js.gc.duration sum over all GC types, seconds since runtime metrics started. */
  readonly gcSeconds: number | null;
}

/** What the runtime panel shows for the interval between two readings; null where unknown. */
export interface RuntimeStats {
  /** Seconds, at the later reading (see RuntimeReading). */
  readonly eventLoopDelayP50Seconds: number | null;
  /** Seconds, at the later reading (see RuntimeReading). */
  readonly eventLoopDelayP99Seconds: number | null;
  /** Share of the interval the event loop was busy, 0..1. */
  readonly eventLoopUtilization: number | null;
  /** Bytes, at the later reading. */
  readonly heapUsedBytes: number | null;
  /** Bytes, at the later reading. */
  readonly heapTotalBytes: number | null;
  /** Bytes, at the later reading. */
  readonly rssBytes: number | null;
  /** CPU seconds per second: cores kept busy, 0..number of cores. */
  readonly cpuUtilization: number | null;
  /** GC pauses per second. */
  readonly gcPausesPerSecond: number | null;
  /** Seconds spent in GC per second: the share of time paused for GC. */
  readonly gcPauseSecondsPerSecond: number | null;
}

type MutableReading = { -readonly [K in keyof RuntimeReading]: RuntimeReading[K] };

/** A reading that found nothing: every value null. */
export function emptyRuntimeReading(time: number): RuntimeReading {
  return {
    time,
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
}

/** Reads the runtime instruments (see lib/record/runtime-metrics.ts) out of one collection. */
export function readRuntime(time: number, resourceMetrics: ResourceMetrics): RuntimeReading {
  const reading: MutableReading = emptyRuntimeReading(time);
  for (const { scope, metrics } of resourceMetrics.scopeMetrics) {
    if (scope.name === METER_NAME) for (const metric of metrics) readMetric(metric, reading);
  }
  return reading;
}

/** Runtime health between two readings; without a previous one, only the current values. */
export function runtimeStats(previous: RuntimeReading | undefined, current: RuntimeReading): RuntimeStats {
  const seconds = previous === undefined ? 0 : (current.time - previous.time) / 1000;
  const perSecond = (key: 'cpuSeconds' | 'gcCount' | 'gcSeconds') => {
    const change = increase(previous?.[key] ?? null, current[key]);
    return change === null || !(seconds > 0) ? null : change / seconds;
  };
  return {
    eventLoopDelayP50Seconds: current.eventLoopDelayP50Seconds,
    eventLoopDelayP99Seconds: current.eventLoopDelayP99Seconds,
    // From the cumulative times when possible: the gauge covers the time since whichever reader
    // collected last (a /metrics scrape between two samples shortens it), the times cover exactly this interval.
    eventLoopUtilization: intervalUtilization(previous, current) ?? current.eventLoopUtilization,
    heapUsedBytes: current.heapUsedBytes,
    heapTotalBytes: current.heapTotalBytes,
    rssBytes: current.rssBytes,
    cpuUtilization: perSecond('cpuSeconds'),
    gcPausesPerSecond: perSecond('gcCount'),
    gcPauseSecondsPerSecond: perSecond('gcSeconds'),
  };
}

function readMetric(metric: MetricData, reading: MutableReading): void {
  switch (metric.descriptor.name) {
    case METRIC_NODEJS_EVENTLOOP_DELAY_P50:
      reading.eventLoopDelayP50Seconds = sumOfPoints(metric);
      break;
    case METRIC_NODEJS_EVENTLOOP_DELAY_P99:
      reading.eventLoopDelayP99Seconds = sumOfPoints(metric);
      break;
    case METRIC_NODEJS_EVENTLOOP_UTILIZATION:
      reading.eventLoopUtilization = sumOfPoints(metric);
      break;
    case METRIC_NODEJS_EVENTLOOP_TIME:
      reading.eventLoopActiveSeconds = sumOfPoints(metric, ATTR_NODEJS_EVENTLOOP_STATE, NODEJS_EVENTLOOP_STATE_VALUE_ACTIVE);
      reading.eventLoopIdleSeconds = sumOfPoints(metric, ATTR_NODEJS_EVENTLOOP_STATE, NODEJS_EVENTLOOP_STATE_VALUE_IDLE);
      break;
    case METRIC_V8JS_MEMORY_HEAP_USED:
      reading.heapUsedBytes = sumOfPoints(metric);
      break;
    case METRIC_V8JS_MEMORY_HEAP_SPACE_SIZE:
      reading.heapTotalBytes = sumOfPoints(metric);
      break;
    case METRIC_V8JS_GC_DURATION:
      if (metric.dataPointType !== DataPointType.HISTOGRAM || metric.dataPoints.length === 0) break;
      reading.gcCount = 0;
      reading.gcSeconds = 0;
      for (const { value } of metric.dataPoints) {
        reading.gcCount += value.count;
        reading.gcSeconds += value.sum ?? 0;
      }
      break;
    case METRIC_PROCESS_MEMORY_USAGE:
      reading.rssBytes = sumOfPoints(metric);
      break;
    case METRIC_PROCESS_CPU_TIME:
      reading.cpuSeconds = sumOfPoints(metric);
      break;
  }
}

/** Sum of a gauge's or sum's data points (only those whose `key` attribute is `value`, if given); null if none. */
function sumOfPoints(metric: MetricData, key?: string, value?: string): number | null {
  if (metric.dataPointType !== DataPointType.GAUGE && metric.dataPointType !== DataPointType.SUM) return null;
  let total: number | null = null;
  for (const point of metric.dataPoints) {
    if (key === undefined || point.attributes[key] === value) total = (total ?? 0) + point.value;
  }
  return total;
}

/** How much a cumulative value grew; null without both values or when it went down (a reset). */
function increase(previous: number | null, current: number | null): number | null {
  if (previous === null || current === null || current < previous) return null;
  return current - previous;
}

/** Event loop utilization over exactly the interval between the readings, from nodejs.eventloop.time. */
function intervalUtilization(previous: RuntimeReading | undefined, current: RuntimeReading): number | null {
  if (previous === undefined) return null;
  const active = increase(previous.eventLoopActiveSeconds, current.eventLoopActiveSeconds);
  const idle = increase(previous.eventLoopIdleSeconds, current.eventLoopIdleSeconds);
  if (active === null || idle === null || active + idle <= 0) return null;
  return active / (active + idle);
}
