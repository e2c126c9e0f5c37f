import 'server-only';
import { OTLPMetricExporter as OtlpJsonExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { ConsoleMetricExporter, PeriodicExportingMetricReader, type MetricProducer, type MetricReader } from '@opentelemetry/sdk-metrics';
import type { Exporters } from '../config';
import { FailureLoggingExporter } from './failure-logging-exporter';

/**
 * The periodic readers for the push exporters OTEL_METRICS_EXPORTER names (otlp, console), each
 * also collecting `metricProducers` (meterboard's duration histograms). The OTLP exporters read
 * their endpoint, headers and request timeout from OTEL_EXPORTER_OTLP_* themselves.
 */
export function pushReaders(exporters: Exporters, metricProducers: MetricProducer[]): MetricReader[] {
  const readers: MetricReader[] = [];
  const { otlp } = exporters;
  if (otlp) {
    const exporter = otlp.protocol === 'http/json' ? new OtlpJsonExporter() : new OtlpProtobufExporter();
    readers.push(
      new PeriodicExportingMetricReader({
        exporter: new FailureLoggingExporter(exporter, `OTLP export (${otlp.protocol}) to ${otlp.endpoint}`),
        exportIntervalMillis: otlp.exportIntervalMs,
        exportTimeoutMillis: otlp.exportTimeoutMs,
        metricProducers,
      }),
    );
  }
  if (exporters.console) {
    readers.push(new PeriodicExportingMetricReader({ exporter: new FailureLoggingExporter(new ConsoleMetricExporter(), 'console export'), metricProducers }));
  }
  return readers;
}
