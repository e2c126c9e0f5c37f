// Next's proxy (https://nextjs.org/docs/app/api-reference/file-conventions/proxy): the demo has none
// of its own, so it only gives the dashboard's pages their security headers, as any app's proxy can.
import { NextResponse, type NextRequest } from 'next/server';
import { meterboardProxy } from 'meterboard/proxy';

export function proxy(request: NextRequest): NextResponse {
  return meterboardProxy(request) ?? NextResponse.next();
}

export const config = {
  // The dashboard's pages; a prefetch renders nothing the browser runs, so it needs no policy.
  matcher: [
    {
      source: '/meterboard/:path*',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
