import { ExportResultCode } from '@opentelemetry/core';
import { AggregationTemporality, AggregationType, } from '@opentelemetry/sdk-metrics';
/** Shortest time between two log lines about failing exports, milliseconds. */
export const EXPORT_FAILURE_LOG_INTERVAL_MS = 60_000;
/**
 * Wraps a push exporter so that its failures reach the log, at most one line per
 * EXPORT_FAILURE_LOG_INTERVAL_MS however often it fails, plus one line when it works again. The
 * SDK's reader hands failures to the OpenTelemetry diag logger, which prints nothing unless one is
 * registered, so an endpoint that is down would otherwise go unnoticed.
 */
export class FailureLoggingExporter {
    exporter;
    label;
    now;
    log;
    failuresSinceLine = 0;
    failuresInRow = 0;
    lastLineAt = -Infinity;
    constructor(exporter, 
    /** Says what and where in the log, e.g. "OTLP export to http://collector:4318/v1/metrics". */
    label, now = Date.now, log = console) {
        this.exporter = exporter;
        this.label = label;
        this.now = now;
        this.log = log;
    }
    export(metrics, resultCallback) {
        this.exporter.export(metrics, (result) => {
            this.observe(result);
            resultCallback(result);
        });
    }
    forceFlush() {
        return this.exporter.forceFlush();
    }
    shutdown() {
        return this.exporter.shutdown();
    }
    // The reader asks the exporter for these once, when it is created; the defaults are the SDK's own.
    selectAggregationTemporality(instrumentType) {
        return this.exporter.selectAggregationTemporality?.(instrumentType) ?? AggregationTemporality.CUMULATIVE;
    }
    selectAggregation(instrumentType) {
        return this.exporter.selectAggregation?.(instrumentType) ?? { type: AggregationType.DEFAULT };
    }
    observe(result) {
        if (result.code === ExportResultCode.SUCCESS) {
            if (this.failuresInRow > 0)
                this.log.info(`[meterboard] ${this.label} works again after ${this.failuresInRow} failed exports.`);
            this.failuresInRow = 0;
            this.failuresSinceLine = 0;
            return;
        }
        this.failuresInRow++;
        this.failuresSinceLine++;
        const now = this.now();
        if (now - this.lastLineAt < EXPORT_FAILURE_LOG_INTERVAL_MS)
            return;
        const count = this.failuresSinceLine === 1 ? 'an export' : `${this.failuresSinceLine} exports`;
        this.log.error(`[meterboard] ${this.label}: ${count} failed (${describe(result.error)}); the app is unaffected, next report in ${EXPORT_FAILURE_LOG_INTERVAL_MS / 1000} s at the earliest.`);
        this.lastLineAt = now;
        this.failuresSinceLine = 0;
    }
}
// The most specific words Node offers: a fetch-style error hides the socket error in `cause`.
function describe(error) {
    if (error === undefined)
        return 'no reason given';
    const cause = error.cause;
    const causeText = cause instanceof Error ? `: ${cause.code ?? cause.message}` : '';
    return `${error.message}${causeText}`;
}
