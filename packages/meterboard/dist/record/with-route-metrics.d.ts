import 'server-only';
import type { Attributes } from '@opentelemetry/api';
/**
 * Adds attributes to the http.server.request.duration measurement of the request being served.
 * Call it from a route handler, page or server action; outside a measured request it does nothing.
 * Needs METRICS_REQUEST_ATTRIBUTES=true (off by default for its cost); without it, it logs once.
 * The semantic-convention attributes meterboard sets (method, route, status, error.type) win over
 * keys of the same name. Every distinct value is a new series: never pass raw ids, paths or input.
 */
export declare function setRequestAttributes(attributes: Attributes): void;
/** Options of withRouteMetrics. */
export interface RouteMetricsOptions<Context> {
    /** Attributes for this request's measurement, computed before the handler runs. */
    attributes: (request: Request, context: Context) => Attributes;
}
/**
 * Wraps an App Router route handler so that each request it serves is measured with extra
 * attributes. The request is measured anyway; the wrapper only adds to it, and whatever the handler
 * returns or throws passes through unchanged.
 */
export declare function withRouteMetrics<Context>(handler: (request: Request, context: Context) => Response | Promise<Response>, options: RouteMetricsOptions<Context>): (request: Request, context: Context) => Promise<Response>;
