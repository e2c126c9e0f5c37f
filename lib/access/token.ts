import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie a signed-in browser sends instead of an Authorization header. */
export const SESSION_COOKIE = 'meterboard_session';

/** Lifetime of a sign-in, seconds (30 days); changing METRICS_AUTH_TOKEN ends every sign-in sooner. */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/**
 * True when `candidate` is `token`. Both are hashed to 32 bytes first, so the comparison takes the
 * same time whatever the candidate's length or the position of its first wrong character.
 */
export function tokenMatches(candidate: string, token: string): boolean {
  return timingSafeEqual(sha256(candidate), sha256(token));
}

/** The session cookie's value for `token`: an HMAC of it, so the cookie never holds the token itself. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('meterboard dashboard session v1').digest('base64url');
}

/** True when an `Authorization: Bearer` header or a session cookie proves that the client holds `token`. */
export function holdsToken(authorization: string | null, sessionCookie: string | undefined, token: string): boolean {
  const bearer = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1];
  // Both are checked, so the time taken does not tell which of the two was wrong.
  const bearerMatches = bearer !== undefined && tokenMatches(bearer, token);
  const sessionMatches = sessionCookie !== undefined && tokenMatches(sessionCookie, sessionValue(token));
  return bearerMatches || sessionMatches;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
