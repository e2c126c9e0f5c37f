import 'server-only';
import { logOnce } from '../log-once.js';
import { getTelemetry } from '../telemetry.js';
/**
 * Adds attributes to the http.server.request.duration measurement of the request being served.
 * Call it from a route handler, page or server action; outside a measured request it does nothing.
 * Needs METRICS_REQUEST_ATTRIBUTES=true (off by default for its cost); without it, it logs once.
 * The semantic-convention attributes meterboard sets (method, route, status, error.type) win over
 * keys of the same name. Every distinct value is a new series: never pass raw ids, paths or input.
 */
export function setRequestAttributes(attributes) {
    const telemetry = getTelemetry();
    if (telemetry && !telemetry.requestContext) {
        logOnce('request-attributes-off', 'setRequestAttributes and withRouteMetrics record nothing: set METRICS_REQUEST_ATTRIBUTES=true to turn per-request attributes on');
        return;
    }
    const state = telemetry?.requestContext?.getStore();
    if (!state)
        return;
    const valid = {};
    for (const [key, value] of Object.entries(attributes)) {
        if (isAttributeValue(value))
            valid[key] = value;
        else
            logOnce('attribute-value', `attribute "${key}" is not a string, number, boolean or array of them; dropped`);
    }
    if (Object.keys(valid).length > 0)
        state.extraAttributes = { ...state.extraAttributes, ...valid };
}
// What the SDK can record; anything else (a bigint, an object) would make record() throw.
function isAttributeValue(value) {
    if (Array.isArray(value))
        return value.every((item) => item === null || item === undefined || isPrimitive(item));
    return isPrimitive(value);
}
function isPrimitive(value) {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
/**
 * Wraps an App Router route handler so that each request it serves is measured with extra
 * attributes. The request is measured anyway; the wrapper only adds to it, and whatever the handler
 * returns or throws passes through unchanged.
 */
export function withRouteMetrics(handler, options) {
    return async (request, context) => {
        try {
            setRequestAttributes(options.attributes(request, context));
        }
        catch (error) {
            logOnce('route-attributes', 'a withRouteMetrics attributes() callback threw; later failures are not logged', error);
        }
        return handler(request, context);
    };
}
