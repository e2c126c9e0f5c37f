import { type ResourceMetrics } from '@opentelemetry/sdk-metrics';
/**
 * The Prometheus text exposition (format 0.0.4) of a collection, line for line what
 * @opentelemetry/exporter-prometheus's PrometheusSerializer writes (`_total`, `otel_scope_*`
 * labels, target_info), with five differences:
 * - names carry their unit (`http_server_request_duration_seconds`), as the OpenTelemetry–Prometheus
 *   compatibility specification asks and as an OTLP push lands in Prometheus, so one metric has one
 *   name whichever path it took (the exporter adds none);
 * - a name that several meters use is one metric family, one HELP/TYPE block with every meter's
 *   samples (the exporter repeats the block, which strict scrapers reject:
 *   https://github.com/open-telemetry/opentelemetry-js/issues/3467); a meter whose instrument of that
 *   name has another type is left out, and logged once;
 * - label names that start with a digit get a leading `_`, so every label name is valid;
 * - exponential histograms, which the text format cannot carry, are left out and logged once (the
 *   exporter writes an empty "untyped" block for them);
 * - a label appears once per sample: attributes whose names become the same label are joined, and
 *   an attribute that would become `le` or an `otel_scope_*` label is left out (the exporter writes
 *   both, which makes the line invalid).
 * Labels are rendered once per attribute object (the SDK and meterboard's series keep theirs across
 * collections), which makes it several times faster than the exporter on large scrapes.
 */
export declare function serializePrometheusText({ resource, scopeMetrics }: ResourceMetrics): string;
