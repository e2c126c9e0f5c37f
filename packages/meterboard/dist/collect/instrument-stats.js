import { DataPointType, } from '@opentelemetry/sdk-metrics';
import { isOverflowSeries } from '../record/http-instruments.js';
import { METER_NAME } from '../scope.js';
import { meterIdentityOf } from './frame.js';
/** Scopes whose instruments meterboard creates itself (HTTP, process and runtime metrics), not the app. */
const OWN_SCOPES = new Set([METER_NAME]);
/** True for the meters meterboard creates itself (HTTP, process and runtime metrics), false for the app's. */
export function isOwnScope(meter) {
    return OWN_SCOPES.has(meter);
}
/** Every instrument of the collection that the app created, with its current values. */
export function readInstruments(resourceMetrics) {
    return resourceMetrics.scopeMetrics
        .filter(({ scope }) => !isOwnScope(scope.name))
        .flatMap(({ scope, metrics }) => metrics.map((metric) => toInstrumentStats(meterIdentityOf(scope), metric)));
}
/** Every instrument of the collection that passed its cardinality limit (it has an otel.metric.overflow=true series). */
export function overflowingInstruments(resourceMetrics) {
    return resourceMetrics.scopeMetrics.flatMap(({ scope, metrics }) => metrics
        .filter((metric) => metric.dataPoints.some((point) => isOverflowSeries(point.attributes)))
        .map((metric) => ({ ...meterIdentityOf(scope), name: metric.descriptor.name })));
}
/** How the dashboard charts a metric of the SDK. */
export function instrumentKindOf(metric) {
    if (metric.dataPointType === DataPointType.HISTOGRAM || metric.dataPointType === DataPointType.EXPONENTIAL_HISTOGRAM)
        return 'histogram';
    if (metric.dataPointType === DataPointType.SUM)
        return metric.isMonotonic ? 'counter' : 'up-down-counter';
    return 'gauge';
}
function toInstrumentStats(meter, metric) {
    const { name, description, unit } = metric.descriptor;
    const info = { ...meter, name, description, unit };
    if (metric.dataPointType === DataPointType.HISTOGRAM || metric.dataPointType === DataPointType.EXPONENTIAL_HISTOGRAM) {
        return {
            ...info,
            kind: 'histogram',
            points: metric.dataPoints.map(({ attributes, value }) => ({
                attributes: attributes,
                count: value.count,
                sum: value.sum ?? 0,
                min: value.min ?? null,
                max: value.max ?? null,
            })),
        };
    }
    const kind = instrumentKindOf(metric);
    return { ...info, kind, points: valuePoints(metric) };
}
function valuePoints(metric) {
    return metric.dataPoints.map(({ attributes, value }) => ({ attributes: attributes, value }));
}
