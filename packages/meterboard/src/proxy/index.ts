// meterboard/proxy: the dashboard's security headers, for the host's own proxy.ts (middleware.ts on
// Next 15) to call. meterboard never needs to own the proxy: without this call the dashboard works,
// only without its Content-Security-Policy.
import { NextResponse, type NextRequest } from 'next/server.js';
import { API_SEGMENT, DEFAULT_DASHBOARD_PATH } from '../paths.js';
import { dashboardSecurityHeaders } from '../http/security-headers.js';

// With cacheComponents, Next prerenders a page's static shell at build time: its scripts cannot
// carry a per-request nonce, and a nonce policy would block them all. Next inlines the setting into
// every bundle it compiles (next/dist/build/define-env.js).
const PRERENDERED_SHELLS = String(process.env.__NEXT_CACHE_COMPONENTS) === 'true';

/** Options of meterboardProxy. */
export interface MeterboardProxyOptions {
  /** The dashboard's path without basePath, when it is not in app/meterboard/ (default /meterboard). */
  dashboardPath?: string;
}

/**
 * For a request of a dashboard page, the response that lets Next render it with a strict
 * Content-Security-Policy (a fresh nonce per view, which Next puts on its scripts; under
 * cacheComponents, scripts of this origin only) and the usual hardening headers; undefined for any
 * other request, which the host's proxy handles as before:
 *
 *   export function proxy(request: NextRequest) {
 *     return meterboardProxy(request) ?? NextResponse.next();
 *   }
 */
export function meterboardProxy(request: NextRequest, { dashboardPath = DEFAULT_DASHBOARD_PATH }: MeterboardProxyOptions = {}): NextResponse | undefined {
  const path = request.nextUrl.pathname;
  if (path !== dashboardPath && !path.startsWith(`${dashboardPath}/`)) return undefined;
  // The JSON endpoints answer JSON; only pages run scripts.
  if (path.startsWith(`${dashboardPath}/${API_SEGMENT}/`)) return undefined;
  // btoa, not Buffer: Next 15 runs middleware in the edge runtime.
  const nonce = PRERENDERED_SHELLS ? undefined : btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  // NODE_ENV, not config.ts: Next inlines it in the proxy's bundle, which must not parse the whole environment per page view.
  const headers = dashboardSecurityHeaders(nonce, { development: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  if (nonce !== undefined) requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
