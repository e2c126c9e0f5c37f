// Hand-built http.server.request.duration series for the unit tests of lib/collect and lib/query.
import type { HttpSeries } from '../collect/sample';

/** Two finite buckets: (0, 0.1], (0.1, 1], (1, +Inf). */
export const BOUNDARIES = [0.1, 1];

/** A cumulative series whose count is the sum of its buckets. */
export function series(
  method: string,
  route: string | undefined,
  status: number | undefined,
  bucketCounts: number[],
  errorType?: string,
): HttpSeries {
  const count = bucketCounts.reduce((a, b) => a + b, 0);
  return { method, route, status, errorType, count, sum: count * 0.05, bucketCounts };
}

/** Series key as toSample builds it: the attribute set as JSON. */
export function keyOf(s: HttpSeries): string {
  return JSON.stringify({
    'http.request.method': s.method,
    'url.scheme': 'http',
    ...(s.status === undefined ? {} : { 'http.response.status_code': s.status }),
    ...(s.route === undefined ? {} : { 'http.route': s.route }),
    ...(s.errorType === undefined ? {} : { 'error.type': s.errorType }),
  });
}
