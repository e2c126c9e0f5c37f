// Next's proxy (https://nextjs.org/docs/app/api-reference/file-conventions/proxy), on the dashboard's
// pages only: a fresh CSP nonce per page view. Access control is not here but in each page and
// endpoint (lib/access), which a proxy matcher change cannot silently skip.
import { NextResponse, type NextRequest } from 'next/server';
import { dashboardSecurityHeaders } from './lib/http/security-headers';

/** Adds the security headers to a dashboard page's response, with a nonce Next puts on the page's scripts. */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  // NODE_ENV, not lib/config.ts: Next inlines it in this bundle, which must not parse the whole environment per page view.
  const headers = dashboardSecurityHeaders(nonce, { development: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** Which requests the proxy sees: the dashboard's three pages. */
export const config = {
  // The dashboard, a route's page and the explorer; not the app's own pages, assets or the JSON polls.
  // A prefetch renders nothing the browser runs, so it needs no policy. Next reads the matcher
  // statically at build time, so it is spelled out literally (no shared constants).
  matcher: [
    {
      source: '/',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
    {
      source: '/routes',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
    {
      source: '/explorer',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
