import {
  DataPointType,
  type GaugeMetricData,
  type MetricData,
  type ResourceMetrics,
  type SumMetricData,
} from '@opentelemetry/sdk-metrics';
import type { AttributeSet, InstrumentStats, MeterIdentity, ValuePoint } from '../query/stats-types.js';
import { isOverflowSeries } from '../record/http-instruments.js';
import { METER_NAME } from '../scope.js';
import { meterIdentityOf, type InstrumentKind } from './frame.js';

/** Scopes whose instruments meterboard creates itself (HTTP, process and runtime metrics), not the app. */
const OWN_SCOPES = new Set([METER_NAME]);

/** True for the meters meterboard creates itself (HTTP, process and runtime metrics), false for the app's. */
export function isOwnScope(meter: string): boolean {
  return OWN_SCOPES.has(meter);
}

/** Every instrument of the collection that the app created, with its current values. */
export function readInstruments(resourceMetrics: ResourceMetrics): InstrumentStats[] {
  return resourceMetrics.scopeMetrics
    .filter(({ scope }) => !isOwnScope(scope.name))
    .flatMap(({ scope, metrics }) => metrics.map((metric) => toInstrumentStats(meterIdentityOf(scope), metric)));
}

/** Every instrument of the collection that passed its cardinality limit (it has an otel.metric.overflow=true series). */
export function overflowingInstruments(resourceMetrics: ResourceMetrics): Array<MeterIdentity & { name: string }> {
  return resourceMetrics.scopeMetrics.flatMap(({ scope, metrics }) =>
    metrics
      .filter((metric) => (metric.dataPoints as Array<{ attributes: Record<string, unknown> }>).some((point) => isOverflowSeries(point.attributes)))
      .map((metric) => ({ ...meterIdentityOf(scope), name: metric.descriptor.name })),
  );
}

/** How the dashboard charts a metric of the SDK. */
export function instrumentKindOf(metric: MetricData): InstrumentKind {
  if (metric.dataPointType === DataPointType.HISTOGRAM || metric.dataPointType === DataPointType.EXPONENTIAL_HISTOGRAM) return 'histogram';
  if (metric.dataPointType === DataPointType.SUM) return metric.isMonotonic ? 'counter' : 'up-down-counter';
  return 'gauge';
}

function toInstrumentStats(meter: MeterIdentity, metric: MetricData): InstrumentStats {
  const { name, description, unit } = metric.descriptor;
  const info = { ...meter, name, description, unit };
  if (metric.dataPointType === DataPointType.HISTOGRAM || metric.dataPointType === DataPointType.EXPONENTIAL_HISTOGRAM) {
    return {
      ...info,
      kind: 'histogram',
      points: metric.dataPoints.map(({ attributes, value }) => ({
        attributes: attributes as AttributeSet,
        count: value.count,
        sum: value.sum ?? 0,
        min: value.min ?? null,
        max: value.max ?? null,
      })),
    };
  }
  const kind = instrumentKindOf(metric) as 'counter' | 'up-down-counter' | 'gauge';
  return { ...info, kind, points: valuePoints(metric as SumMetricData | GaugeMetricData) };
}

function valuePoints(metric: SumMetricData | GaugeMetricData): ValuePoint[] {
  return metric.dataPoints.map(({ attributes, value }) => ({ attributes: attributes as AttributeSet, value }));
}
