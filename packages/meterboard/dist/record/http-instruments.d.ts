/** Bucket boundaries advised by the HTTP semantic conventions for http.server.request.duration, in seconds. */
export declare const DURATION_BUCKETS_S: number[];
/** http.server.active_requests: still "development" in semconv, so not exported by its stable entry point. */
export declare const METRIC_HTTP_SERVER_ACTIVE_REQUESTS = "http.server.active_requests";
/**
 * Attributes of the one series that holds every measurement past an instrument's cardinality limit
 * (https://opentelemetry.io/docs/specs/otel/metrics/sdk/#overflow-attribute): the SDK's, meterboard's
 * duration histograms' and the history's.
 */
export declare const OVERFLOW_ATTRIBUTES: {
    readonly 'otel.metric.overflow': true;
};
/** True for the attributes of an overflow series (OVERFLOW_ATTRIBUTES). */
export declare function isOverflowSeries(attributes: Readonly<Record<string, unknown>>): boolean;
/** error.type of a request whose client went away before the response was complete. */
export declare const ABORTED_ERROR_TYPE = "aborted";
/**
 * Duration of each Next.js server action, in seconds, from its POST arriving to the response closing.
 * Semconv has no name for server actions; `next.` is the namespace of Next's own attributes (`next.route`).
 */
export declare const METRIC_NEXT_SERVER_ACTION_DURATION = "next.server_action.duration";
/** code.function.name of a server action id the running build does not know (stale or forged), as http.request.method's _OTHER. */
export declare const OTHER_SERVER_ACTION = "_OTHER";
