// Next's proxy (https://nextjs.org/docs/app/api-reference/file-conventions/proxy): the demo has none
// of its own, so it only gives the dashboard's pages their security headers, as any app's proxy can.
import { NextResponse, type NextRequest } from 'next/server';
import { meterboardProxy } from 'meterboard/proxy';

export function proxy(request: NextRequest): NextResponse {
  return meterboardProxy(request) ?? NextResponse.next();
}

export const config = {
  // Every request of the dashboard's pages, prefetches too: each HTML response carries the headers.
  matcher: ['/meterboard/:path*'],
};
