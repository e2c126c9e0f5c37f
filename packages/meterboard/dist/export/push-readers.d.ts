import 'server-only';
import { PeriodicExportingMetricReader, type CollectionResult, type MetricProducer, type MetricReader, type PeriodicExportingMetricReaderOptions } from '@opentelemetry/sdk-metrics';
import type { Exporters } from './exporter-config.js';
/**
 * The periodic readers for the push exporters OTEL_METRICS_EXPORTER names (otlp, console), each
 * also collecting `metricProducers` (meterboard's duration histograms). The OTLP exporters read
 * their endpoint and headers from OTEL_EXPORTER_OTLP_* themselves; their request timeout is capped
 * at the export timeout (see OtlpConfig.requestTimeoutMs).
 */
export declare function pushReaders(exporters: Exporters, metricProducers: MetricProducer[]): ConsumerPeriodicReader[];
/** A periodic reader whose collections are its own consumer's (lib/collect/collection-consumer.ts), so its event loop gauges cover its whole export interval. */
export declare class ConsumerPeriodicReader extends PeriodicExportingMetricReader {
    /** Its name as a collection consumer. */
    readonly consumer: string;
    constructor(
    /** Its name as a collection consumer. */
    consumer: string, options: PeriodicExportingMetricReaderOptions);
    collect(options?: Parameters<MetricReader['collect']>[0]): Promise<CollectionResult>;
}
