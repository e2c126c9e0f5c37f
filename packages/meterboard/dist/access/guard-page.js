import 'server-only';
import { cookies, headers } from 'next/headers.js';
import { connection } from 'next/server.js';
import { decideAccess } from './decide-access.js';
import { SESSION_COOKIE } from './token.js';
/**
 * Whether the request for a dashboard page may see it (lib/access/decide-access.ts). The page
 * renders the sign-in form or the "not configured" explanation itself, so that the host app needs
 * no app/unauthorized.tsx, forbidden.tsx or experimental.authInterrupts of its own.
 */
export async function dashboardAccess() {
    // The rule comes from the server's environment at request time, never from the build's.
    await connection();
    const [requestHeaders, requestCookies] = await Promise.all([headers(), cookies()]);
    return decideAccess('dashboard', {
        authorization: requestHeaders.get('authorization'),
        sessionCookie: requestCookies.get(SESSION_COOKIE)?.value,
    });
}
