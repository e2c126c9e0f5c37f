import { AggregationTemporality, DataPointType, } from '@opentelemetry/sdk-metrics';
/**
 * The cumulative histograms of a MetricProducer (meterboard's duration histograms) as deltas, for a
 * reader whose exporter asks for delta temporality (OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE
 * = delta or lowmemory): each point is what was recorded since the last collection, which it
 * remembers per series. One per reader. A delta point has no min or max (the cumulative ones cover
 * the whole run), and a series with nothing new is left out, as the SDK does. A delta whose export
 * fails is gone, as with any delta exporter: the backend sees a gap, not a wrong total.
 */
export class DeltaHistogramProducer {
    cumulative;
    // Per scope and metric, per series; keyed by the attributes object, which the producer keeps for the series' life.
    reported = new Map();
    // Collections run one after another: two at once (a flush during an export) would each subtract the same snapshot.
    previous = Promise.resolve();
    constructor(cumulative) {
        this.cumulative = cumulative;
    }
    collect() {
        const collection = this.previous.then(() => this.collectDeltas());
        this.previous = collection.catch(() => undefined);
        return collection;
    }
    async collectDeltas() {
        const result = await this.cumulative.collect();
        const scopeMetrics = result.resourceMetrics.scopeMetrics.map((scope) => ({
            ...scope,
            metrics: scope.metrics.map((metric) => this.toDelta(`${scope.scope.name}\u0000${metric.descriptor.name}`, metric)),
        }));
        return { ...result, resourceMetrics: { ...result.resourceMetrics, scopeMetrics } };
    }
    toDelta(key, metric) {
        if (metric.dataPointType !== DataPointType.HISTOGRAM || metric.aggregationTemporality !== AggregationTemporality.CUMULATIVE)
            return metric;
        let reported = this.reported.get(key);
        if (!reported)
            this.reported.set(key, (reported = new Map()));
        const dataPoints = [];
        for (const point of metric.dataPoints) {
            const previous = reported.get(point.attributes);
            const { count, sum = 0, buckets } = point.value;
            reported.set(point.attributes, { count, sum, counts: buckets.counts, endTime: point.endTime });
            if (previous === undefined) {
                dataPoints.push(point);
            }
            else if (count > previous.count) {
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
