import 'server-only';
import { type Surface } from './access-policy.js';
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
export declare function decideAccess(surface: Surface, credentials: Credentials): AccessVerdict;
