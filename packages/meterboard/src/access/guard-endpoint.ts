import 'server-only';
import type { NextRequest } from 'next/server.js';
import { jsonError } from '../http/json-error.js';
import { ACCESS_MESSAGES, type Surface } from './access-policy.js';
import { decideAccess } from './decide-access.js';
import { signInAttempts } from './sign-in-attempts.js';
import { SESSION_COOKIE } from './token.js';

/**
 * undefined when `request` may read `surface`; else the response to send: 401 with a Bearer
 * challenge when the token is missing or wrong (one message for both), 403 naming the variables
 * when the dashboard's access is not configured, 503 when an access variable is malformed.
 */
export function refuseUnlessAllowed(request: NextRequest, surface: Surface): Response | undefined {
  const authorization = request.headers.get('authorization');
  const verdict = decideAccess(surface, { authorization, sessionCookie: request.cookies.get(SESSION_COOKIE)?.value });
  if (verdict === 'unauthorized' && authorization !== null) signInAttempts().wrongBearer();
  if (verdict === 'allowed' || verdict === 'signed-in') return undefined;
  if (verdict === 'misconfigured') return jsonError(503, 'access_misconfigured', ACCESS_MESSAGES.misconfigured);
  if (verdict === 'unconfigured') return jsonError(403, 'access_not_configured', ACCESS_MESSAGES.unconfigured);
  return jsonError(401, 'unauthorized', ACCESS_MESSAGES.unauthorized, { 'WWW-Authenticate': 'Bearer realm="meterboard"' });
}
