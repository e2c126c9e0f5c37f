import 'server-only';
// Next keeps its routing result on the Node request under this symbol. It is internal, not a public
// API: next is pinned to ~16.4 in package.json and e2e/route-template.spec.ts fails loudly if it moves.
const NEXT_REQUEST_META = Symbol.for('NextInternalRequestMeta');
// Next's built-in fallbacks: a path that matched no route of the app.
const NOT_FOUND_ROUTES = new Set(['/_not-found', '/_error', '/404', '/500']);
/**
 * The route template Next matched for a request (`/orders/[id]`), or undefined when the request
 * matched no route of the app; never the raw path, so unmatched paths cannot create series.
 */
export function routeTemplateOf(request) {
    const meta = request[NEXT_REQUEST_META];
    const pathname = meta?.match?.definition?.pathname;
    if (typeof pathname !== 'string' || NOT_FOUND_ROUTES.has(pathname))
        return undefined;
    return pathname;
}
