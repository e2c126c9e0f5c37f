import 'server-only';
/** The cookie a signed-in browser sends instead of an Authorization header. */
export declare const SESSION_COOKIE = "meterboard_session";
/** Lifetime of a sign-in, seconds (30 days), checked by the server; changing METRICS_AUTH_TOKEN ends every sign-in sooner. */
export declare const SESSION_MAX_AGE_S: number;
/**
 * True when `candidate` is `token`. Both are hashed to 32 bytes first, so the comparison takes the
 * same time whatever the candidate's length or the position of its first wrong character.
 */
export declare function tokenMatches(candidate: string, token: string): boolean;
/**
 * The session cookie's value for `token`, issued at `issuedAtS` (epoch seconds):
 * `<issuedAtS>.<HMAC-SHA256 keyed with the token>`, so the cookie never holds the token, expires
 * on the server, and every instance that has the token can check it.
 */
export declare function sessionValue(token: string, issuedAtS: number): string;
/** True when `cookie` is a session value of `token` issued at most SESSION_MAX_AGE_S before `nowS`. */
export declare function sessionValid(cookie: string, token: string, nowS: number): boolean;
/**
 * Which credential proves that the client holds `token`: an `Authorization: Bearer` header, or a
 * session cookie (a signed-in browser); undefined for neither.
 */
export declare function tokenProof(authorization: string | null, sessionCookie: string | undefined, token: string, nowS?: number): 'bearer' | 'session' | undefined;
