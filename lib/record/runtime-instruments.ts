// Scope and settings of the Node.js runtime instruments, shared by the recorder and the readers.

/**
 * Instrumentation scope (meter name) of the instruments @opentelemetry/instrumentation-runtime-node
 * creates: nodejs.eventloop.*, v8js.memory.heap.*, v8js.gc.duration.
 */
export const RUNTIME_NODE_SCOPE = '@opentelemetry/instrumentation-runtime-node';

/**
 * How often perf_hooks.monitorEventLoopDelay samples the event loop, milliseconds (the package's
 * default, and prom-client's). Node records the whole interval between two samples, so the
 * nodejs.eventloop.delay.* gauges never go below it: an idle loop reads about 10 ms, and only what
 * exceeds it is delay. Measured here: ~9 ms of CPU per second at 10, ~35 at 1, ~5 at 20; the gauges
 * report nothing until 5 samples arrived since the previous collection, so it must stay well under
 * the history's 1 s sampling interval.
 */
export const EVENT_LOOP_DELAY_RESOLUTION_MS = 10;
