// Names and buckets of meterboard's HTTP instruments, shared by the recorder and the readers.

/** Bucket boundaries advised by the HTTP semantic conventions for http.server.request.duration, in seconds. */
export const DURATION_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** http.server.active_requests: still "development" in semconv, so not exported by its stable entry point. */
export const METRIC_HTTP_SERVER_ACTIVE_REQUESTS = 'http.server.active_requests';

/** error.type of a request whose client went away before the response was complete. */
export const ABORTED_ERROR_TYPE = 'aborted';
