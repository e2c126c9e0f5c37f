'use server';
import { cookies, headers } from 'next/headers.js';
import { ConfigError, readAccessConfig } from '../config.js';
import { ACCESS_MESSAGES } from './access-policy.js';
import { SESSION_COOKIE, SESSION_MAX_AGE_S, sessionValue, tokenMatches } from './token.js';
/** Server action of the sign-in form: when the `token` field is METRICS_AUTH_TOKEN, sets the session cookie. */
export async function signIn(_previous, form) {
    const config = readAccessConfig();
    const token = config instanceof ConfigError ? undefined : config.authToken;
    const candidate = form.get('token');
    if (token === undefined)
        return { signedIn: false, error: ACCESS_MESSAGES.unconfigured };
    if (typeof candidate !== 'string' || !tokenMatches(candidate.trim(), token)) {
        return { signedIn: false, error: 'That is not the token in METRICS_AUTH_TOKEN.' };
    }
    // Next sets x-forwarded-proto from the connection when no proxy in front of it did; a chain of
    // proxies lists one protocol each, the client's first. Plain http (a private network) still gets a
    // cookie, without Secure, or the browser would drop it.
    const protocol = (await headers()).get('x-forwarded-proto')?.split(',')[0].trim().toLowerCase();
    (await cookies()).set(SESSION_COOKIE, sessionValue(token, Math.floor(Date.now() / 1000)), {
        httpOnly: true,
        sameSite: 'strict',
        secure: protocol === 'https',
        path: '/',
        maxAge: SESSION_MAX_AGE_S,
    });
    return { signedIn: true, error: undefined };
}
/** Server action of the dashboard's Sign out button: forgets the session cookie (the button then reloads the page). */
export async function signOut() {
    (await cookies()).delete(SESSION_COOKIE);
}
