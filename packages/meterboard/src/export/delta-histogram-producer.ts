import type { Attributes, HrTime } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  type CollectionResult,
  type DataPoint,
  type Histogram,
  type MetricData,
  type MetricProducer,
} from '@opentelemetry/sdk-metrics';

interface Reported {
  count: number;
  sum: number;
  counts: readonly number[];
  endTime: HrTime;
}

/**
 * The cumulative histograms of a MetricProducer (meterboard's duration histograms) as deltas, for a
 * reader whose exporter asks for delta temporality (OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE
 * = delta or lowmemory): each point is what was recorded since the last collection, which it
 * remembers per series. One per reader. A delta point has no min or max (the cumulative ones cover
 * the whole run), and a series with nothing new is left out, as the SDK does. A delta whose export
 * fails is gone, as with any delta exporter: the backend sees a gap, not a wrong total.
 */
export class DeltaHistogramProducer implements MetricProducer {
  // Per scope and metric, per series; keyed by the attributes object, which the producer keeps for the series' life.
  private readonly reported = new Map<string, Map<Attributes, Reported>>();
  // Collections run one after another: two at once (a flush during an export) would each subtract the same snapshot.
  private previous: Promise<unknown> = Promise.resolve();

  constructor(private readonly cumulative: MetricProducer) {}

  collect(): Promise<CollectionResult> {
    const collection = this.previous.then(() => this.collectDeltas());
    this.previous = collection.catch(() => undefined);
    return collection;
  }

  private async collectDeltas(): Promise<CollectionResult> {
    const result = await this.cumulative.collect();
    const scopeMetrics = result.resourceMetrics.scopeMetrics.map((scope) => ({
      ...scope,
      metrics: scope.metrics.map((metric) => this.toDelta(`${scope.scope.name}\u0000${metric.descriptor.name}`, metric)),
    }));
    return { ...result, resourceMetrics: { ...result.resourceMetrics, scopeMetrics } };
  }

  private toDelta(key: string, metric: MetricData): MetricData {
    if (metric.dataPointType !== DataPointType.HISTOGRAM || metric.aggregationTemporality !== AggregationTemporality.CUMULATIVE) return metric;
    let reported = this.reported.get(key);
    if (!reported) this.reported.set(key, (reported = new Map()));
    const dataPoints: DataPoint<Histogram>[] = [];
    for (const point of metric.dataPoints) {
      const previous = reported.get(point.attributes);
      const { count, sum = 0, buckets } = point.value;
      reported.set(point.attributes, { count, sum, counts: buckets.counts, endTime: point.endTime });
      if (previous === undefined) {
        dataPoints.push(point);
      } else if (count > previous.count) {
        dataPoints.push({
          attributes: point.attributes,
          startTime: previous.endTime,
          endTime: point.endTime,
          value: {
            buckets: { boundaries: buckets.boundaries, counts: buckets.counts.map((bucketCount, i) => bucketCount - (previous.counts[i] ?? 0)) },
            count: count - previous.count,
            sum: sum - previous.sum,
          },
        });
      }
    }
    return { ...metric, aggregationTemporality: AggregationTemporality.DELTA, dataPoints };
  }
}
