import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '../query/stats-types.js';
import { FETCH_FORBIDDEN_METHODS } from '../record/framework-rejection.js';
import { API_SEGMENT, METRICS_PATH } from '../paths.js';
import { GET_ONLY_METHODS, methodNotAllowedMessage } from './json-error.js';

// The dashboard's pages take POST too: the sign-in and sign-out server actions.
const PAGE_METHODS = ['GET', 'HEAD', 'POST'] as const;

/**
 * Answers TRACE sent to meterboard's own paths (/metrics, the dashboard and its JSON
 * endpoints, under basePath) with a 405 and Allow, as their route handlers answer every other
 * method they refuse: Next cannot hand these methods to a route handler and would answer 500.
 * Called for every request before Next sees it; true when it answered.
 */
export function answeredForbiddenMethod(request: IncomingMessage, response: ServerResponse, { basePath, dashboardPath }: { basePath: string; dashboardPath: string }): boolean {
  const method = request.method ?? '';
  if (!FETCH_FORBIDDEN_METHODS.has(method)) return false;
  const url = request.url ?? '';
  const path = url.split('?', 1)[0];
  const dashboard = basePath + dashboardPath;
  const allowed =
    path === basePath + METRICS_PATH || path.startsWith(`${dashboard}/${API_SEGMENT}/`)
      ? GET_ONLY_METHODS
      : path === dashboard || path.startsWith(`${dashboard}/`)
        ? PAGE_METHODS
        : undefined;
  if (allowed === undefined) return false;
  const body: ApiError = { error: { code: 'method_not_allowed', message: methodNotAllowedMessage(method, allowed) } };
  const json = JSON.stringify(body);
  response.writeHead(405, { Allow: allowed.join(', '), 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json), 'Cache-Control': 'no-store' });
  response.end(json);
  return true;
}
