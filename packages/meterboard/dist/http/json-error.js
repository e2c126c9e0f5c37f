/** The one way API errors leave: `{ error: { code, message } }` with the given status. */
export function jsonError(status, code, message, headers) {
    const body = { error: { code, message } };
    return Response.json(body, { status, headers });
}
/** 400: a query parameter is wrong; the message names it and says what would be right. */
export function badRequest(message) {
    return jsonError(400, 'bad_request', message);
}
/** 405: the endpoint answers only `allowed`; the Allow header and the message say which. */
export function methodNotAllowed(method, allowed) {
    return jsonError(405, 'method_not_allowed', `${method} is not supported here; use ${allowed.join(' or ')}.`, { Allow: allowed.join(', ') });
}
/**
 * Route handlers for the methods a GET-only endpoint refuses, each a 405 in the API's error shape
 * (Next's own 405 has an empty body). HEAD and OPTIONS stay Next's: HEAD is the GET without a body.
 */
export function refuseAllButGet() {
    const refuse = (request) => methodNotAllowed(request.method, ['GET', 'HEAD']);
    return { POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
