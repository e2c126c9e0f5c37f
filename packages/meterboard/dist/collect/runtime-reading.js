import { DataPointType } from '@opentelemetry/sdk-metrics';
import { ATTR_NODEJS_EVENTLOOP_STATE, METRIC_NODEJS_EVENTLOOP_DELAY_P50, METRIC_NODEJS_EVENTLOOP_DELAY_P99, METRIC_NODEJS_EVENTLOOP_TIME, METRIC_NODEJS_EVENTLOOP_UTILIZATION, METRIC_PROCESS_CPU_TIME, METRIC_PROCESS_MEMORY_USAGE, METRIC_V8JS_GC_DURATION, METRIC_V8JS_MEMORY_HEAP_SPACE_SIZE, METRIC_V8JS_MEMORY_HEAP_USED, NODEJS_EVENTLOOP_STATE_VALUE_ACTIVE, NODEJS_EVENTLOOP_STATE_VALUE_IDLE, } from '@opentelemetry/semantic-conventions/incubating';
import { METER_NAME } from '../scope.js';
/** A reading that found nothing: every value null. */
export function emptyRuntimeReading(time) {
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
export function readRuntime(time, resourceMetrics) {
    const reading = emptyRuntimeReading(time);
    for (const { scope, metrics } of resourceMetrics.scopeMetrics) {
        if (scope.name === METER_NAME)
            for (const metric of metrics)
                readMetric(metric, reading);
    }
    return reading;
}
/** Runtime health between two readings; without a previous one, only the current values. */
export function runtimeStats(previous, current) {
    const seconds = previous === undefined ? 0 : (current.time - previous.time) / 1000;
    const perSecond = (key) => {
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
function readMetric(metric, reading) {
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
            if (metric.dataPointType !== DataPointType.HISTOGRAM || metric.dataPoints.length === 0)
                break;
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
function sumOfPoints(metric, key, value) {
    if (metric.dataPointType !== DataPointType.GAUGE && metric.dataPointType !== DataPointType.SUM)
        return null;
    let total = null;
    for (const point of metric.dataPoints) {
        if (key === undefined || point.attributes[key] === value)
            total = (total ?? 0) + point.value;
    }
    return total;
}
/** How much a cumulative value grew; null without both values or when it went down (a reset). */
function increase(previous, current) {
    if (previous === null || current === null || current < previous)
        return null;
    return current - previous;
}
/** Event loop utilization over exactly the interval between the readings, from nodejs.eventloop.time. */
function intervalUtilization(previous, current) {
    if (previous === undefined)
        return null;
    const active = increase(previous.eventLoopActiveSeconds, current.eventLoopActiveSeconds);
    const idle = increase(previous.eventLoopIdleSeconds, current.eventLoopIdleSeconds);
    if (active === null || idle === null || active + idle <= 0)
        return null;
    return active / (active + idle);
}
