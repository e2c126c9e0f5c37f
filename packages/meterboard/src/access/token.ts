import 'server-only';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie a signed-in browser sends instead of an Authorization header. */
export const SESSION_COOKIE = 'meterboard_session';

// How far in the future a session may say it was issued, seconds: clocks of several instances differ a little.
const SESSION_CLOCK_SKEW_S = 300;

// Random bytes in each session value: two sign-ins, even in the same second, never share a cookie.
const SESSION_ID_BYTES = 16;

/**
 * True when `candidate` is `token`. Both are hashed to 32 bytes first, so the comparison takes the
 * same time whatever the candidate's length or the position of its first wrong character.
 */
export function tokenMatches(candidate: string, token: string): boolean {
  return timingSafeEqual(sha256(candidate), sha256(token));
}

/**
 * A new session cookie value for `token`, issued at `issuedAtS` (epoch seconds):
 * `<issuedAtS>.<random id>.<HMAC-SHA256 of both, keyed with the token>`, so the cookie never holds
 * the token, expires on the server, and every instance that has the token can check it.
 */
export function sessionValue(token: string, issuedAtS: number, id = randomBytes(SESSION_ID_BYTES).toString('base64url')): string {
  return `${issuedAtS}.${id}.${sessionMac(token, issuedAtS, id)}`;
}

/** What a session cookie says about itself; undefined for a value that is not one. */
export interface Session {
  issuedAtS: number;
  id: string;
}

/**
 * The session `cookie` stands for, when it is a session value of `token` issued at most
 * `maxAgeS` before `nowS` (and not in the future beyond clock skew); undefined otherwise.
 */
export function verifySession(cookie: string, token: string, nowS: number, maxAgeS: number): Session | undefined {
  const [issued, id, mac, ...rest] = cookie.split('.');
  const issuedAtS = Number(issued);
  if (rest.length > 0 || id === undefined || mac === undefined || !Number.isSafeInteger(issuedAtS) || issuedAtS <= 0) return undefined;
  const ageS = nowS - issuedAtS;
  if (ageS > maxAgeS || ageS < -SESSION_CLOCK_SKEW_S) return undefined;
  return tokenMatches(mac, sessionMac(token, issuedAtS, id)) ? { issuedAtS, id } : undefined;
}

/** How tokenProof checks a session cookie: the time, the sessions' lifetime and which ones were ended. */
export interface SessionCheck {
  /** Epoch seconds. */
  nowS: number;
  maxAgeS: number;
  /** True for a session that was signed out (revoked-sessions.ts). */
  revoked: (session: Session) => boolean;
}

/**
 * Which credential proves that the client holds `token`: an `Authorization: Bearer` header, or a
 * live session cookie (a signed-in browser); undefined for neither.
 */
export function tokenProof(authorization: string | null, sessionCookie: string | undefined, token: string, check: SessionCheck): 'bearer' | 'session' | undefined {
  const bearer = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1];
  // Both are checked, so the time taken does not tell which of the two was wrong.
  const bearerMatches = bearer !== undefined && tokenMatches(bearer, token);
  const session = sessionCookie === undefined ? undefined : verifySession(sessionCookie, token, check.nowS, check.maxAgeS);
  return bearerMatches ? 'bearer' : session !== undefined && !check.revoked(session) ? 'session' : undefined;
}

function sessionMac(token: string, issuedAtS: number, id: string): string {
  return createHmac('sha256', token).update(`meterboard dashboard session v2 ${issuedAtS} ${id}`).digest('base64url');
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
