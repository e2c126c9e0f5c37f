/** The one way API errors leave: `{ error: { code, message } }` with the given status. */
export declare function jsonError(status: number, code: string, message: string, headers?: HeadersInit): Response;
/** 400: a query parameter is wrong; the message names it and says what would be right. */
export declare function badRequest(message: string): Response;
/** 405: the endpoint answers only `allowed`; the Allow header and the message say which. */
export declare function methodNotAllowed(method: string, allowed: readonly string[]): Response;
/**
 * Route handlers for the methods a GET-only endpoint refuses, each a 405 in the API's error shape
 * (Next's own 405 has an empty body). HEAD and OPTIONS stay Next's: HEAD is the GET without a body.
 */
export declare function refuseAllButGet(): Record<'POST' | 'PUT' | 'PATCH' | 'DELETE', (request: Request) => Response>;
