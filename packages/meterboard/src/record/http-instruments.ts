// Names and buckets of meterboard's HTTP instruments, shared by the recorder and the readers.

/** Bucket boundaries advised by the HTTP semantic conventions for http.server.request.duration, in seconds. */
export const DURATION_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

// https://opentelemetry.io/docs/specs/semconv/http/http-spans/#common-attributes: any other method is _OTHER.
const KNOWN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE']);

/** http.request.method of a request or call: the method when semconv knows it, else `_OTHER`. */
export function semconvMethod(method: string | undefined): string {
  return method !== undefined && KNOWN_METHODS.has(method) ? method : '_OTHER';
}

/** http.server.active_requests: still "development" in semconv, so not exported by its stable entry point. */
export const METRIC_HTTP_SERVER_ACTIVE_REQUESTS = 'http.server.active_requests';

/**
 * Attributes of the one series that holds every measurement past an instrument's cardinality limit
 * (https://opentelemetry.io/docs/specs/otel/metrics/sdk/#overflow-attribute): the SDK's, meterboard's
 * duration histograms' and the history's.
 */
export const OVERFLOW_ATTRIBUTES = { 'otel.metric.overflow': true } as const;

/** True for the attributes of an overflow series (OVERFLOW_ATTRIBUTES). */
export function isOverflowSeries(attributes: Readonly<Record<string, unknown>>): boolean {
  return attributes['otel.metric.overflow'] === true;
}

/** error.type of a request whose client went away before the response was complete. */
export const ABORTED_ERROR_TYPE = 'aborted';

/**
 * Duration of each Next.js server action, in seconds, from its POST arriving to the response closing.
 * Semconv has no name for server actions; `next.` is the namespace of Next's own attributes (`next.route`).
 */
export const METRIC_NEXT_SERVER_ACTION_DURATION = 'next.server_action.duration';

/** code.function.name of a server action id the running build does not know (stale or forged), as http.request.method's _OTHER. */
export const OTHER_SERVER_ACTION = '_OTHER';

/**
 * error.type of a 5xx that Next answered before any code of the app ran, because of the request
 * alone: anyone can send one, so it is no sign of the app's health, and the error ratios of the
 * dashboard and of deploy/alerts.yml leave these out (isFrameworkRejection). Told apart from the
 * app's own 5xx by record/framework-rejection.ts.
 */
export const FRAMEWORK_REJECTIONS = [
  /** TRACE: the Fetch API cannot represent the request, so Next's proxy and route handlers fail on it. */
  'rejected.unsupported_method',
  /** A request target that is not a path (`GET *`, `OPTIONS *`). */
  'rejected.invalid_target',
  /** A server action POST whose Origin is not the host it was sent to (Next's CSRF check). */
  'rejected.cross_origin_action',
  /** An RSC request with a Next-Router-State-Tree header Next cannot parse. */
  'rejected.invalid_router_state',
] as const;

/** One of FRAMEWORK_REJECTIONS. */
export type FrameworkRejection = (typeof FRAMEWORK_REJECTIONS)[number];

/** True for the error.type of a request Next refused before the app ran (FRAMEWORK_REJECTIONS). */
export function isFrameworkRejection(errorType: string | undefined): boolean {
  return errorType !== undefined && errorType.startsWith('rejected.');
}
