import {
  DataPointType,
  type GaugeMetricData,
  type HistogramMetricData,
  type MetricData,
  type ResourceMetrics,
  type SumMetricData,
} from '@opentelemetry/sdk-metrics';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  METRIC_HTTP_SERVER_REQUEST_DURATION,
} from '@opentelemetry/semantic-conventions';
import type { AttributeSet, InstrumentStats, SeriesPoint, ValuePoint } from '../query/stats-types';
import { intervalPoint } from './interval-point';
import { METRIC_HTTP_SERVER_ACTIVE_REQUESTS } from '../record/http-instruments';
import { METER_NAME } from '../scope';

/** Cumulative state of one http.server.request.duration series at one sample. */
export interface HttpSeries {
  readonly method: string;
  readonly route: string | undefined;
  /** Undefined when the client left before a status was sent. */
  readonly status: number | undefined;
  readonly errorType: string | undefined;
  readonly count: number;
  /** Seconds. */
  readonly sum: number;
  readonly bucketCounts: readonly number[];
}

/** What the history keeps of one collection. */
export interface Sample {
  /** Epoch milliseconds. */
  readonly time: number;
  /** By series key (its attribute set as JSON). */
  readonly http: ReadonlyMap<string, HttpSeries>;
  /** Bucket boundaries of http.server.request.duration, seconds. */
  readonly boundaries: readonly number[];
  readonly activeRequests: number;
  /** The chart point of the interval since the previous sample; undefined for the first one. */
  readonly point: SeriesPoint | undefined;
}

/** The sample of a process that has recorded nothing yet. */
export function emptySample(time: number, boundaries: readonly number[]): Sample {
  return { time, http: new Map(), boundaries, activeRequests: 0, point: undefined };
}

/**
 * Turns one collection into a Sample. Series whose count did not change keep the previous sample's
 * object, so a quiet series costs a map entry per sample, not a copy of its buckets.
 */
export function toSample(time: number, resourceMetrics: ResourceMetrics, previous: Sample): Sample {
  const http = new Map<string, HttpSeries>();
  let boundaries = previous.boundaries;
  let activeRequests = 0;
  for (const { scope, metrics } of resourceMetrics.scopeMetrics) {
    if (scope.name !== METER_NAME) continue;
    for (const metric of metrics) {
      if (metric.descriptor.name === METRIC_HTTP_SERVER_REQUEST_DURATION) {
        boundaries = readHttpSeries(metric as HistogramMetricData, previous, http) ?? boundaries;
      } else if (metric.descriptor.name === METRIC_HTTP_SERVER_ACTIVE_REQUESTS) {
        for (const point of metric.dataPoints) activeRequests += point.value as number;
      }
    }
  }
  const sample = { time, http, boundaries, activeRequests };
  return { ...sample, point: intervalPoint(previous, sample) };
}

/** Every instrument of the collection except meterboard's own, with its current values. */
export function readInstruments(resourceMetrics: ResourceMetrics): InstrumentStats[] {
  return resourceMetrics.scopeMetrics
    .filter(({ scope }) => scope.name !== METER_NAME)
    .flatMap(({ scope, metrics }) => metrics.map((metric) => toInstrumentStats(scope.name, metric)));
}

function readHttpSeries(
  metric: HistogramMetricData,
  previous: Sample,
  into: Map<string, HttpSeries>,
): readonly number[] | undefined {
  let boundaries: readonly number[] | undefined;
  for (const point of metric.dataPoints) {
    const key = JSON.stringify(point.attributes);
    const before = previous.http.get(key);
    if (before !== undefined && before.count === point.value.count) {
      into.set(key, before);
      continue;
    }
    const attributes = point.attributes;
    into.set(key, {
      method: String(attributes[ATTR_HTTP_REQUEST_METHOD]),
      route: attributes[ATTR_HTTP_ROUTE] === undefined ? undefined : String(attributes[ATTR_HTTP_ROUTE]),
      status: attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] === undefined ? undefined : Number(attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]),
      errorType: attributes[ATTR_ERROR_TYPE] === undefined ? undefined : String(attributes[ATTR_ERROR_TYPE]),
      count: point.value.count,
      sum: point.value.sum ?? 0,
      bucketCounts: point.value.buckets.counts,
    });
    boundaries = point.value.buckets.boundaries;
  }
  return boundaries;
}

function toInstrumentStats(meter: string, metric: MetricData): InstrumentStats {
  const { name, description, unit } = metric.descriptor;
  const info = { meter, name, description, unit };
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
  if (metric.dataPointType === DataPointType.SUM) {
    return { ...info, kind: metric.isMonotonic ? 'counter' : 'up-down-counter', points: valuePoints(metric) };
  }
  return { ...info, kind: 'gauge', points: valuePoints(metric) };
}

function valuePoints(metric: SumMetricData | GaugeMetricData): ValuePoint[] {
  return metric.dataPoints.map(({ attributes, value }) => ({ attributes: attributes as AttributeSet, value }));
}
