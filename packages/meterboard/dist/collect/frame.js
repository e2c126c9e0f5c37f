import { ATTR_CODE_FILE_PATH, ATTR_CODE_FUNCTION_NAME, ATTR_ERROR_TYPE, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, } from '@opentelemetry/semantic-conventions';
import { createLatencyHistogram, mergeLatencyHistogram } from './latency-histogram.js';
/** A frame that holds nothing yet. */
export function emptyFrame(start) {
    return { start, end: start, seconds: 0, http: new Map(), serverActions: new Map(), activeRequests: 0, instruments: new Map() };
}
/** Key of an instrument in Frame.instruments: the SDK's meter identity (name, version, schema URL) and the instrument's name. */
export function instrumentKey(meter, name) {
    return `${meter.meter}\n${meter.meterVersion ?? ''}\n${meter.meterSchemaUrl ?? ''}\n${name}`;
}
/** The identity of the meter that reported `scope`, its empty version and schema URL left out. */
export function meterIdentityOf(scope) {
    return {
        meter: scope.name,
        ...(scope.version ? { meterVersion: scope.version } : {}),
        ...(scope.schemaUrl ? { meterSchemaUrl: scope.schemaUrl } : {}),
    };
}
/** The frame's view of a drained series of meterboard's HTTP recorder. */
export function frameHttpSeries(attributes, latency) {
    const route = attributes[ATTR_HTTP_ROUTE];
    const status = attributes[ATTR_HTTP_RESPONSE_STATUS_CODE];
    const errorType = attributes[ATTR_ERROR_TYPE];
    return {
        method: String(attributes[ATTR_HTTP_REQUEST_METHOD]),
        route: route === undefined ? undefined : String(route),
        status: status === undefined ? undefined : Number(status),
        errorType: errorType === undefined ? undefined : String(errorType),
        latency,
    };
}
/** The frame's view of a drained series of next.server_action.duration. */
export function frameServerActionSeries(attributes, latency) {
    const file = attributes[ATTR_CODE_FILE_PATH];
    const errorType = attributes[ATTR_ERROR_TYPE];
    return {
        name: String(attributes[ATTR_CODE_FUNCTION_NAME]),
        file: file === undefined ? undefined : String(file),
        errorType: errorType === undefined ? undefined : String(errorType),
        latency,
    };
}
/**
 * Adds a later frame (usually a tick) into `into`: durations and counts add up, values of
 * up-down counters and gauges are replaced by the later ones. Never keeps a reference to `from`'s
 * mutable parts, so `from` can be merged into several frames.
 */
export function mergeFrame(into, from) {
    into.end = from.end;
    into.seconds += from.seconds;
    into.activeRequests = from.activeRequests;
    mergeLatencySeries(into.http, from.http);
    mergeLatencySeries(into.serverActions, from.serverActions);
    for (const [key, instrument] of from.instruments) {
        let target = into.instruments.get(key);
        if (target === undefined) {
            target = { kind: instrument.kind, series: new Map() };
            into.instruments.set(key, target);
        }
        for (const [seriesKey, value] of instrument.series) {
            const existing = target.series.get(seriesKey);
            target.series.set(seriesKey, existing === undefined ? copyValue(value) : addInstrumentValue(instrument.kind, existing, value));
        }
    }
}
function mergeLatencySeries(into, from) {
    for (const [key, series] of from) {
        let target = into.get(key);
        if (target === undefined) {
            target = { ...series, latency: createLatencyHistogram() };
            into.set(key, target);
        }
        mergeLatencyHistogram(target.latency, series.latency);
    }
}
function copyValue(value) {
    return 'bucketCounts' in value ? { ...value, bucketCounts: [...value.bucketCounts] } : { ...value };
}
/** Adds a later value of a series into `into` and returns it: counts add up, and so do counter increases; other values are replaced. */
export function addInstrumentValue(kind, into, from) {
    if ('bucketCounts' in into && 'bucketCounts' in from) {
        into.count += from.count;
        into.sum += from.sum;
        for (let i = 0; i < from.bucketCounts.length; i++)
            into.bucketCounts[i] = (into.bucketCounts[i] ?? 0) + from.bucketCounts[i];
        return into;
    }
    if ('value' in into && 'value' in from)
        into.value = kind === 'counter' ? into.value + from.value : from.value;
    return into;
}
