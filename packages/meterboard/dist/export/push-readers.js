import 'server-only';
import { OTLPMetricExporter as OtlpJsonExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { AggregationTemporality, ConsoleMetricExporter, InstrumentType, PeriodicExportingMetricReader, } from '@opentelemetry/sdk-metrics';
import { collectFor } from '../collect/collection-consumer.js';
import { DeltaHistogramProducer } from './delta-histogram-producer.js';
import { FailureLoggingExporter } from './failure-logging-exporter.js';
/**
 * The periodic readers for the push exporters OTEL_METRICS_EXPORTER names (otlp, console), each
 * also collecting `metricProducers` (meterboard's duration histograms). The OTLP exporters read
 * their endpoint and headers from OTEL_EXPORTER_OTLP_* themselves; their request timeout is capped
 * at the export timeout (see OtlpConfig.requestTimeoutMs).
 */
export function pushReaders(exporters, metricProducers) {
    const { otlp, exportIntervalMs, exportTimeoutMs } = exporters;
    const periodic = (exporter) => {
        // The producers' histograms are cumulative; an exporter that wants deltas gets them as deltas too.
        const wantsDelta = exporter.selectAggregationTemporality?.(InstrumentType.HISTOGRAM) === AggregationTemporality.DELTA;
        const producers = wantsDelta ? metricProducers.map((producer) => new DeltaHistogramProducer(producer)) : metricProducers;
        const options = { exporter, exportIntervalMillis: exportIntervalMs, exportTimeoutMillis: exportTimeoutMs, metricProducers: producers };
        return new ConsumerPeriodicReader(`push-${readers.length}`, options);
    };
    const readers = [];
    if (otlp) {
        const options = { timeoutMillis: otlp.requestTimeoutMs };
        const exporter = otlp.protocol === 'http/json' ? new OtlpJsonExporter(options) : new OtlpProtobufExporter(options);
        readers.push(periodic(new FailureLoggingExporter(exporter, `OTLP export (${otlp.protocol}) to ${otlp.endpointForLog}`)));
    }
    if (exporters.console)
        readers.push(periodic(new FailureLoggingExporter(new ConsoleMetricExporter(), 'console export')));
    return readers;
}
/** A periodic reader whose collections are its own consumer's (lib/collect/collection-consumer.ts), so its event loop gauges cover its whole export interval. */
export class ConsumerPeriodicReader extends PeriodicExportingMetricReader {
    consumer;
    constructor(
    /** Its name as a collection consumer. */
    consumer, options) {
        super(options);
        this.consumer = consumer;
    }
    collect(options) {
        return collectFor(this.consumer, () => super.collect(options));
    }
}
