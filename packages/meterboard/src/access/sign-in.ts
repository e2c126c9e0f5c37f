'use server';

import { cookies, headers } from 'next/headers.js';
import { ConfigError, readAccessConfig } from '../config.js';
import { ACCESS_MESSAGES } from './access-policy.js';
import { revokedSessions } from './revoked-sessions.js';
import { signInAttempts } from './sign-in-attempts.js';
import { SESSION_COOKIE, sessionValue, tokenMatches, verifySession } from './token.js';

/** What the sign-in form knows after an attempt: signed in, or why not. */
export interface SignInState {
  signedIn: boolean;
  error: string | undefined;
}

// Longest client key kept by the limiter, characters: a forged header must not cost memory.
const MAX_CLIENT_KEY_LENGTH = 200;

/**
 * Server action of the sign-in form: when the `token` field is METRICS_AUTH_TOKEN, sets a new
 * session cookie. Wrong tokens are limited per client and overall (access/sign-in-attempts.ts).
 */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const config = readAccessConfig();
  const token = config instanceof ConfigError ? undefined : config.authToken;
  if (config instanceof ConfigError || token === undefined) return { signedIn: false, error: ACCESS_MESSAGES.unconfigured };
  const requestHeaders = await headers();
  // Next fills X-Forwarded-For from the connection when no proxy in front of it did
  // (next/dist/server/base-server.js); a client that forges it meets the overall limit instead.
  const client = (requestHeaders.get('x-forwarded-for') ?? '').slice(0, MAX_CLIENT_KEY_LENGTH);
  const attempts = signInAttempts();
  const retryAfterS = await attempts.attempt(client);
  if (retryAfterS > 0) return { signedIn: false, error: `Too many wrong tokens: try again in ${retryAfterS} s.` };
  const candidate = form.get('token');
  if (typeof candidate !== 'string' || !tokenMatches(candidate.trim(), token)) {
    attempts.wrongToken();
    return { signedIn: false, error: 'That is not the token in METRICS_AUTH_TOKEN.' };
  }
  await attempts.rightToken(client);
  // Next sets x-forwarded-proto from the connection when no proxy in front of it did; a chain of
  // proxies lists one protocol each, the client's first. Plain http (a private network) still gets a
  // cookie, without Secure, or the browser would drop it.
  const protocol = requestHeaders.get('x-forwarded-proto')?.split(',')[0].trim().toLowerCase();
  (await cookies()).set(SESSION_COOKIE, sessionValue(token, Math.floor(Date.now() / 1000)), {
    httpOnly: true,
    sameSite: 'strict',
    secure: protocol === 'https',
    path: '/',
    maxAge: config.sessionMaxAgeS,
  });
  return { signedIn: true, error: undefined };
}

/**
 * Server action of the dashboard's Sign out button: ends the session on this instance (other
 * instances accept it until it expires; see "Running in production") and forgets the cookie.
 */
export async function signOut(): Promise<void> {
  const requestCookies = await cookies();
  const cookie = requestCookies.get(SESSION_COOKIE)?.value;
  const config = readAccessConfig();
  if (cookie !== undefined && !(config instanceof ConfigError) && config.authToken !== undefined) {
    const nowS = Date.now() / 1000;
    const session = verifySession(cookie, config.authToken, nowS, config.sessionMaxAgeS);
    if (session !== undefined) revokedSessions().revoke(session, nowS, config.sessionMaxAgeS);
  }
  requestCookies.delete(SESSION_COOKIE);
}
