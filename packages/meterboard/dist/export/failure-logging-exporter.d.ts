import { type ExportResult } from '@opentelemetry/core';
import { AggregationTemporality, type AggregationOption, type InstrumentType, type PushMetricExporter, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
/** Shortest time between two log lines about failing exports, milliseconds. */
export declare const EXPORT_FAILURE_LOG_INTERVAL_MS = 60000;
/**
 * Wraps a push exporter so that its failures reach the log, at most one line per
 * EXPORT_FAILURE_LOG_INTERVAL_MS however often it fails, plus one line when it works again. The
 * SDK's reader hands failures to the OpenTelemetry diag logger, which prints nothing unless one is
 * registered, so an endpoint that is down would otherwise go unnoticed.
 */
export declare class FailureLoggingExporter implements PushMetricExporter {
    private readonly exporter;
    /** Says what and where in the log, e.g. "OTLP export to http://collector:4318/v1/metrics". */
    private readonly label;
    private readonly now;
    private readonly log;
    private failuresSinceLine;
    private failuresInRow;
    private lastLineAt;
    constructor(exporter: PushMetricExporter, 
    /** Says what and where in the log, e.g. "OTLP export to http://collector:4318/v1/metrics". */
    label: string, now?: () => number, log?: Pick<Console, 'error' | 'info'>);
    export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void;
    forceFlush(): Promise<void>;
    shutdown(): Promise<void>;
    selectAggregationTemporality(instrumentType: InstrumentType): AggregationTemporality;
    selectAggregation(instrumentType: InstrumentType): AggregationOption;
    private observe;
}
