import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
/** The cookie a signed-in browser sends instead of an Authorization header. */
export const SESSION_COOKIE = 'meterboard_session';
/** Lifetime of a sign-in, seconds (30 days), checked by the server; changing METRICS_AUTH_TOKEN ends every sign-in sooner. */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;
// How far in the future a session may say it was issued, seconds: clocks of several instances differ a little.
const SESSION_CLOCK_SKEW_S = 300;
/**
 * True when `candidate` is `token`. Both are hashed to 32 bytes first, so the comparison takes the
 * same time whatever the candidate's length or the position of its first wrong character.
 */
export function tokenMatches(candidate, token) {
    return timingSafeEqual(sha256(candidate), sha256(token));
}
/**
 * The session cookie's value for `token`, issued at `issuedAtS` (epoch seconds):
 * `<issuedAtS>.<HMAC-SHA256 keyed with the token>`, so the cookie never holds the token, expires
 * on the server, and every instance that has the token can check it.
 */
export function sessionValue(token, issuedAtS) {
    const mac = createHmac('sha256', token).update(`meterboard dashboard session v1 ${issuedAtS}`).digest('base64url');
    return `${issuedAtS}.${mac}`;
}
/** True when `cookie` is a session value of `token` issued at most SESSION_MAX_AGE_S before `nowS`. */
export function sessionValid(cookie, token, nowS) {
    const issuedAtS = Number(cookie.slice(0, cookie.indexOf('.')));
    if (!Number.isSafeInteger(issuedAtS) || issuedAtS <= 0)
        return false;
    const ageS = nowS - issuedAtS;
    if (ageS > SESSION_MAX_AGE_S || ageS < -SESSION_CLOCK_SKEW_S)
        return false;
    return tokenMatches(cookie, sessionValue(token, issuedAtS));
}
/**
 * Which credential proves that the client holds `token`: an `Authorization: Bearer` header, or a
 * session cookie (a signed-in browser); undefined for neither.
 */
export function tokenProof(authorization, sessionCookie, token, nowS = Date.now() / 1000) {
    const bearer = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1];
    // Both are checked, so the time taken does not tell which of the two was wrong.
    const bearerMatches = bearer !== undefined && tokenMatches(bearer, token);
    const sessionMatches = sessionCookie !== undefined && sessionValid(sessionCookie, token, nowS);
    return bearerMatches ? 'bearer' : sessionMatches ? 'session' : undefined;
}
function sha256(text) {
    return createHash('sha256').update(text).digest();
}
