/** The Prometheus label for an attribute key: sanitized, with `_` before a leading digit. */
export declare function prometheusLabelName(key: string): string;
/** What decides an instrument's Prometheus name besides its own: its unit and what kind of data it is. */
export interface NameContext {
    /** The instrument's unit (UCUM, as OpenTelemetry writes it: `s`, `By`, `{request}`, `1`). */
    unit: string;
    /** A monotonic sum (a counter): the name ends in `_total`. */
    monotonicSum: boolean;
    /** A gauge: the unit `1` is `ratio`. */
    gauge: boolean;
}
/**
 * The Prometheus family name of an instrument, as the OpenTelemetry–Prometheus compatibility
 * specification builds it (https://opentelemetry.io/docs/specs/otel/compatibility/prometheus_and_openmetrics/#metric-metadata-1)
 * and as Prometheus's OTLP receiver and the Collector do (prometheus/otlptranslator, normalizeName),
 * so one metric has one name whether it was scraped or pushed: the name split into tokens at every
 * character other than `[a-zA-Z0-9:]`, the unit's words added unless a token already is one
 * (`s` → `seconds`, `By/s` → `bytes_per_second`, `{…}` adds nothing), `total` moved to the end of
 * a counter, `ratio` to the end of a gauge in unit `1`, joined with `_`, and `_` before a leading
 * digit; undefined when no token is left.
 */
export declare function prometheusMetricName(name: string, { unit, monotonicSum, gauge }: NameContext): string | undefined;
