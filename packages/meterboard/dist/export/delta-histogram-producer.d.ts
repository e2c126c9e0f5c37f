import { type CollectionResult, type MetricProducer } from '@opentelemetry/sdk-metrics';
/**
 * The cumulative histograms of a MetricProducer (meterboard's duration histograms) as deltas, for a
 * reader whose exporter asks for delta temporality (OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE
 * = delta or lowmemory): each point is what was recorded since the last collection, which it
 * remembers per series. One per reader. A delta point has no min or max (the cumulative ones cover
 * the whole run), and a series with nothing new is left out, as the SDK does. A delta whose export
 * fails is gone, as with any delta exporter: the backend sees a gap, not a wrong total.
 */
export declare class DeltaHistogramProducer implements MetricProducer {
    private readonly cumulative;
    private readonly reported;
    private previous;
    constructor(cumulative: MetricProducer);
    collect(): Promise<CollectionResult>;
    private collectDeltas;
    private toDelta;
}
