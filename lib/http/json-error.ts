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

/** 503: telemetry is not running in this process, with the reason. */
export function telemetryUnavailable(): Response {
  return jsonError(
    503,
    'telemetry_unavailable',
    process.env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true'
      ? 'Metrics are disabled by OTEL_SDK_DISABLED=true.'
      : 'Telemetry has not started: instrumentation.ts register() did not run in this process.',
  );
}
