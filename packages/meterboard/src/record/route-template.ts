import 'server-only';
import type { IncomingMessage } from 'node:http';

import { logOnce } from '../log-once.js';
import { SUPPORTED_NEXT } from '../next-version.js';

// Next keeps its routing result on the Node request under this symbol (next/dist/server/request-meta.js,
// the same on 15.5 and 16). It is internal, not a public API: e2e/route-template.spec.ts and the Next
// version fixtures fail loudly if it moves, and routeTemplateOf logs once and records "unmatched".
const NEXT_REQUEST_META = Symbol.for('NextInternalRequestMeta');


// Next's built-in fallbacks: a path that matched no route of the app.
const NOT_FOUND_ROUTES = new Set(['/_not-found', '/_error', '/404', '/500']);

interface NextRequestMeta {
  match?: { definition?: { pathname?: unknown; kind?: unknown } };
}

function requestMetaOf(request: IncomingMessage): NextRequestMeta | undefined {
  return (request as IncomingMessage & { [NEXT_REQUEST_META]?: NextRequestMeta })[NEXT_REQUEST_META];
}

/** True when Next routed the request to a page of the app router (not a route handler or a file). */
export function isAppPageRequest(request: IncomingMessage): boolean {
  return requestMetaOf(request)?.match?.definition?.kind === 'APP_PAGE';
}

/**
 * The route template Next matched for a request (`/orders/[id]`), or undefined when the request
 * matched no route of the app; never the raw path, so unmatched paths cannot create series.
 */
export function routeTemplateOf(request: IncomingMessage): string | undefined {
  const meta = requestMetaOf(request);
  const pathname = meta?.match?.definition?.pathname;
  if (typeof pathname === 'string') return NOT_FOUND_ROUTES.has(pathname) ? undefined : pathname;
  // Next attaches its request meta to every request it handles; without it (or with a match of
  // another shape) this Next version keeps the template elsewhere: say so once, record "unmatched".
  if (meta === undefined || meta.match !== undefined) {
    logOnce('route-template', `Next's route match is not where meterboard reads it (req[Symbol.for('NextInternalRequestMeta')].match.definition.pathname); requests are recorded without http.route. Supported: next ${SUPPORTED_NEXT}.`);
  }
  return undefined;
}
