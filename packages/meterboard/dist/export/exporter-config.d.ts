/** OTLP push settings; the exporter itself reads the endpoint and the headers from OTEL_EXPORTER_OTLP_*. */
export interface OtlpConfig {
    /** OTEL_EXPORTER_OTLP_METRICS_PROTOCOL or OTEL_EXPORTER_OTLP_PROTOCOL. */
    protocol: 'http/protobuf' | 'http/json';
    /** Where the exporter sends, worked out as the exporter does, without credentials or query: for the log. */
    endpointForLog: string;
    /**
     * OTEL_EXPORTER_OTLP_(METRICS_)TIMEOUT, ms, at most the export timeout: the reader gives up on an
     * export at its own timeout without cancelling the request, so a longer request timeout would let
     * hung requests pile up.
     */
    requestTimeoutMs: number;
}
/** The exporters OTEL_METRICS_EXPORTER names, and the push readers' schedule. */
export interface Exporters {
    /** `prometheus`: GET /metrics serves the text exposition. */
    prometheus: boolean;
    /** `otlp`: metrics are pushed; undefined when not named, or when its settings cannot work. */
    otlp: OtlpConfig | undefined;
    /** `console`: metrics are printed to stdout at every export interval, for debugging. */
    console: boolean;
    /** OTEL_METRIC_EXPORT_INTERVAL: time between two pushes, ms. */
    exportIntervalMs: number;
    /** OTEL_METRIC_EXPORT_TIMEOUT: how long one push may take, ms; never more than the interval. */
    exportTimeoutMs: number;
}
type Env = Record<string, string | undefined>;
/** Parses OTEL_METRICS_EXPORTER and the settings of the exporters it names; never throws. */
export declare function parseExporters(env: Env, warnings: string[]): Exporters;
export {};
