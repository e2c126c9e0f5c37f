import { type MetricData, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { InstrumentStats, MeterIdentity } from '../query/stats-types.js';
import { type InstrumentKind } from './frame.js';
/** True for the meters meterboard creates itself (HTTP, process and runtime metrics), false for the app's. */
export declare function isOwnScope(meter: string): boolean;
/** Every instrument of the collection that the app created, with its current values. */
export declare function readInstruments(resourceMetrics: ResourceMetrics): InstrumentStats[];
/** Every instrument of the collection that passed its cardinality limit (it has an otel.metric.overflow=true series). */
export declare function overflowingInstruments(resourceMetrics: ResourceMetrics): Array<MeterIdentity & {
    name: string;
}>;
/** How the dashboard charts a metric of the SDK. */
export declare function instrumentKindOf(metric: MetricData): InstrumentKind;
