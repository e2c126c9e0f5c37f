import type { ApiError } from '../query/stats-types.js';

/** The one way API errors leave: `{ error: { code, message } }` with the given status. */
export function jsonError(status: number, code: string, message: string, headers?: HeadersInit): Response {
  const body: ApiError = { error: { code, message } };
  return Response.json(body, { status, headers });
}

/** 400: a query parameter is wrong; the message names it and says what would be right. */
export function badRequest(message: string): Response {
  return jsonError(400, 'bad_request', message);
}

/** 405: the endpoint answers only `allowed`; the Allow header and the message say which. */
export function methodNotAllowed(method: string, allowed: readonly string[]): Response {
  return jsonError(405, 'method_not_allowed', methodNotAllowedMessage(method, allowed), { Allow: allowed.join(', ') });
}

/** "TRACE is not supported here; use GET, HEAD or OPTIONS." */
export function methodNotAllowedMessage(method: string, allowed: readonly string[]): string {
  return `${method} is not supported here; use ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}.`;
}

/** What a GET-only endpoint allows: HEAD is Next's GET without a body. */
export const GET_ONLY_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;

/**
 * Route handlers of a GET-only endpoint for every other method: OPTIONS answers 204 with the Allow
 * header the 405s of the rest carry (Next's own OPTIONS would list every exported handler), and the
 * 405s speak the API's error shape (Next's own has an empty body). TRACE never reaches a
 * route handler: http/own-path-methods.ts answers it.
 */
export function refuseAllButGet(): Record<'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', (request: Request) => Response> {
  const refuse = (request: Request) => methodNotAllowed(request.method, GET_ONLY_METHODS);
  const options = () => new Response(null, { status: 204, headers: { Allow: GET_ONLY_METHODS.join(', ') } });
  return { OPTIONS: options, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
