/** The demo API's errors: `{ error: { code, message } }` with the given status. */
export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** 400: the request body is wrong; the message says what would be right. */
export function badRequest(message: string): Response {
  return jsonError(400, 'bad_request', message);
}
