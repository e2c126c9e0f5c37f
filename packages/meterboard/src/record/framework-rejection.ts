import 'server-only';
import type { IncomingMessage } from 'node:http';
import { isCsrfOriginAllowed } from 'next/dist/server/app-render/csrf-protection.js';
import { buildConfig } from './build-config.js';
import type { FrameworkRejection } from './http-instruments.js';
import { isAppPageRequest } from './route-template.js';

/**
 * Methods the Fetch API refuses (https://fetch.spec.whatwg.org/#forbidden-method), so Next cannot
 * build the Request of a proxy or route handler for them and answers 500. The other two never reach
 * 'request': Node hands CONNECT to 'connect', and its parser refuses TRACK.
 */
export const FETCH_FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['TRACE']);
// next/dist/server/app-render/parse-and-validate-flight-router-state.js refuses longer ones.
const MAX_ROUTER_STATE_LENGTH = 40_000;

/**
 * For a request Next answered with a 5xx: which of FRAMEWORK_REJECTIONS it is, judged from the
 * request the way Next judges it, or undefined when the failure is the app's. Only ever called for
 * a 5xx, so it costs nothing on the requests that succeed.
 */
export function frameworkRejectionOf(request: IncomingMessage): FrameworkRejection | undefined {
  if (!request.url?.startsWith('/')) return 'rejected.invalid_target';
  if (FETCH_FORBIDDEN_METHODS.has(request.method ?? '')) return 'rejected.unsupported_method';
  if (!isAppPageRequest(request)) return undefined;
  const { headers } = request;
  if (request.method === 'POST' && isPossibleServerAction(headers) && isCrossOrigin(headers)) return 'rejected.cross_origin_action';
  if (headers.rsc === '1' && !isParsableRouterState(headers['next-router-state-tree'])) return 'rejected.invalid_router_state';
  return undefined;
}

// next/dist/server/lib/server-action-request-meta.js: a Next-Action header or a multipart form a
// browser posts (url-encoded forms never reach Next's origin check: they render the page).
function isPossibleServerAction(headers: IncomingMessage['headers']): boolean {
  return headers['next-action'] !== undefined || (headers['content-type'] ?? '').startsWith('multipart/form-data');
}

// next/dist/server/app-render/action-handler.js: the Origin's host must be the first X-Forwarded-Host
// when there is one, else the Host, or be one of serverActions.allowedOrigins. No Origin passes,
// with a warning.
function isCrossOrigin(headers: IncomingMessage['headers']): boolean {
  const origin = headers.origin;
  if (origin === undefined) return false;
  let originHost: string;
  try {
    originHost = origin === 'null' ? 'null' : new URL(origin).host;
  } catch {
    return true;
  }
  const forwarded = headers['x-forwarded-host'];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(',')[0])?.trim() || headers.host;
  return originHost !== host && !isCsrfOriginAllowed(originHost, [...buildConfig().allowedOrigins]);
}

// Next's own check is stricter (a schema); a header that passes this one and still fails there is
// counted as the app's error, never the other way round.
function isParsableRouterState(header: string | string[] | undefined): boolean {
  if (header === undefined) return true;
  if (Array.isArray(header) || header.length > MAX_ROUTER_STATE_LENGTH) return false;
  try {
    return Array.isArray(JSON.parse(decodeURIComponent(header)));
  } catch {
    return false;
  }
}
