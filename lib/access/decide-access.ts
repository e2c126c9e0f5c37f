import 'server-only';
import { ConfigError, readConfig } from '../config';
import { accessRule, type Surface } from './access-policy';
import { holdsToken } from './token';

/** The credentials a request may carry. */
export interface Credentials {
  /** The Authorization header, if any. */
  authorization: string | null;
  /** The value of the session cookie set by signing in, if any. */
  sessionCookie: string | undefined;
}

/** Whether a request may read a surface, and if not, what would let it. */
export type AccessVerdict = 'allowed' | 'unauthorized' | 'unconfigured';

/**
 * The verdict for one request. A process whose configuration does not parse runs no telemetry, so
 * there is nothing to guard: it is allowed through to the 503 that names the bad variable.
 */
export function decideAccess(surface: Surface, credentials: Credentials): AccessVerdict {
  const config = readConfig();
  if (config instanceof ConfigError) return 'allowed';
  const rule = accessRule(config, surface);
  if (rule === 'open') return 'allowed';
  if (rule === 'unconfigured' || config.authToken === undefined) return 'unconfigured';
  return holdsToken(credentials.authorization, credentials.sessionCookie, config.authToken) ? 'allowed' : 'unauthorized';
}
