import 'server-only';
import { ConfigError, readAccessConfig } from '../config.js';
import { accessRule, type Surface } from './access-policy.js';
import { revokedSessions } from './revoked-sessions.js';
import { tokenProof } from './token.js';

/** The credentials a request may carry. */
export interface Credentials {
  /** The Authorization header, if any. */
  authorization: string | null;
  /** The value of the session cookie set by signing in, if any. */
  sessionCookie: string | undefined;
}

/**
 * Whether a request may read a surface (`signed-in`: allowed by the session cookie, so it can sign
 * out), and if not, what would let it: the token, configuring access at all, or fixing a bad
 * access variable (then nobody gets in).
 */
export type AccessVerdict = 'allowed' | 'signed-in' | 'unauthorized' | 'unconfigured' | 'misconfigured';

/** The verdict for one request. */
export function decideAccess(surface: Surface, credentials: Credentials): AccessVerdict {
  const config = readAccessConfig();
  if (config instanceof ConfigError) return 'misconfigured';
  const rule = accessRule(config, surface);
  if (rule === 'open') return 'allowed';
  if (rule === 'unconfigured' || config.authToken === undefined) return 'unconfigured';
  const revoked = revokedSessions();
  const proof = tokenProof(credentials.authorization, credentials.sessionCookie, config.authToken, {
    nowS: Date.now() / 1000,
    maxAgeS: config.sessionMaxAgeS,
    revoked: (session) => revoked.has(session),
  });
  return proof === 'session' ? 'signed-in' : proof === 'bearer' ? 'allowed' : 'unauthorized';
}
