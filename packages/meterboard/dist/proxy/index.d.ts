import { NextResponse, type NextRequest } from 'next/server.js';
/** Options of meterboardProxy. */
export interface MeterboardProxyOptions {
    /** The dashboard's path without basePath, when it is not in app/meterboard/ (default /meterboard). */
    dashboardPath?: string;
}
/**
 * For a request of a dashboard page, the response that lets Next render it with a strict
 * Content-Security-Policy (a fresh nonce per view, which Next puts on its scripts) and the usual
 * hardening headers; undefined for any other request, which the host's proxy handles as before:
 *
 *   export function proxy(request: NextRequest) {
 *     return meterboardProxy(request) ?? NextResponse.next();
 *   }
 */
export declare function meterboardProxy(request: NextRequest, { dashboardPath }?: MeterboardProxyOptions): NextResponse | undefined;
