// Settings of the Node.js runtime instruments (lib/record/runtime-metrics.ts), shared with their readers.
/**
 * How often perf_hooks.monitorEventLoopDelay samples the event loop, milliseconds (prom-client's
 * default too). Node records the whole interval between two samples, so the
 * nodejs.eventloop.delay.* gauges never go below it: an idle loop reads about 10 ms, and only what
 * exceeds it is delay.
 */
export const EVENT_LOOP_DELAY_RESOLUTION_MS = 10;
/** Bucket boundaries the semantic conventions advise for v8js.gc.duration, seconds. */
export const GC_DURATION_BUCKETS_S = [0.01, 0.1, 1, 10];
