import { type ResourceMetrics } from '@opentelemetry/sdk-metrics';
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
/** A reading that found nothing: every value null. */
export declare function emptyRuntimeReading(time: number): RuntimeReading;
/** Reads the runtime instruments (see lib/record/runtime-metrics.ts) out of one collection. */
export declare function readRuntime(time: number, resourceMetrics: ResourceMetrics): RuntimeReading;
/** Runtime health between two readings; without a previous one, only the current values. */
export declare function runtimeStats(previous: RuntimeReading | undefined, current: RuntimeReading): RuntimeStats;
