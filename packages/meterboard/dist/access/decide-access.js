import 'server-only';
import { ConfigError, readAccessConfig } from '../config.js';
import { accessRule } from './access-policy.js';
import { tokenProof } from './token.js';
/** The verdict for one request. */
export function decideAccess(surface, credentials) {
    const config = readAccessConfig();
    if (config instanceof ConfigError)
        return 'misconfigured';
    const rule = accessRule(config, surface);
    if (rule === 'open')
        return 'allowed';
    if (rule === 'unconfigured' || config.authToken === undefined)
        return 'unconfigured';
    const proof = tokenProof(credentials.authorization, credentials.sessionCookie, config.authToken);
    return proof === 'session' ? 'signed-in' : proof === 'bearer' ? 'allowed' : 'unauthorized';
}
