import 'server-only';
import { cookies, headers } from 'next/headers';
import { forbidden, unauthorized } from 'next/navigation';
import { connection } from 'next/server';
import { decideAccess } from './decide-access';
import { SESSION_COOKIE } from './token';

/**
 * Awaited first by every dashboard page: renders app/unauthorized.tsx (401, the sign-in form) or
 * app/forbidden.tsx (403, which variable to set) instead of the page when the request may not see
 * it. Resolves to whether the browser is signed in with a session cookie (and so can sign out).
 */
export async function requireDashboardAccess(): Promise<{ signedIn: boolean }> {
  // The rule comes from the server's environment at request time, never from the build's.
  await connection();
  const [requestHeaders, requestCookies] = await Promise.all([headers(), cookies()]);
  const verdict = decideAccess('dashboard', {
    authorization: requestHeaders.get('authorization'),
    sessionCookie: requestCookies.get(SESSION_COOKIE)?.value,
  });
  if (verdict === 'unauthorized') unauthorized();
  if (verdict === 'unconfigured' || verdict === 'misconfigured') forbidden();
  return { signedIn: verdict === 'signed-in' };
}
