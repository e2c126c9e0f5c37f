import type { ApiError } from '../query/stats-types';

/** The one way API errors leave: `{ error: { code, message } }` with the given status. */
export function jsonError(status: number, code: string, message: string, headers?: HeadersInit): Response {
  const body: ApiError = { error: { code, message } };
  return Response.json(body, { status, headers });
}

/** 400: a query parameter is wrong; the message names it and says what would be right. */
export function badRequest(message: string): Response {
  return jsonError(400, 'bad_request', message);
}
