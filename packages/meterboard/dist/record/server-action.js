import 'server-only';
import { logOnce } from '../log-once.js';
// Next keeps the server actions manifest of the running build in a process-wide singleton, set
// before it renders an app page or runs an action: on 16 in next/dist/server/app-render/manifests-singleton.js,
// on 15 under another key in next/dist/server/app-render/encryption-utils.js, with the same
// `serverActionsManifest.node` inside. It is internal, not a public API: the e2e server action
// specs (the demo and the Next version fixtures) fail loudly if it moves (every action would become _OTHER).
const NEXT_MANIFESTS = Symbol.for('next.server.manifests');
const NEXT_15_MANIFESTS = Symbol.for('next.server.action-manifests');
// The header a client-side action call carries (next/dist/client/components/app-router-headers.js).
const NEXT_ACTION_HEADER = 'next-action';
// Set by Next on the internal request that re-sends an action to the page bundle that holds it
// (action-handler.js, createForwardedActionResponse): the client's own request is already counted.
const ACTION_FORWARDED_HEADER = 'x-action-forwarded';
// Only ids found in the manifest are kept, so the cache is bounded by the app's actions, whatever
// ids clients send. An id always names the same action: Next derives it from the file and export.
const namesById = new Map();
/**
 * The id a request asks Next to run as a server action (a POST with a Next-Action header), or
 * undefined. Raw client input: resolve it with serverActionName, never record it.
 */
export function serverActionIdOf(request) {
    if (request.method !== 'POST')
        return undefined;
    const id = request.headers[NEXT_ACTION_HEADER];
    if (typeof id !== 'string' || request.headers[ACTION_FORWARDED_HEADER] !== undefined)
        return undefined;
    return id;
}
/**
 * The server action an id names in the running build, or undefined when the build has no such
 * action (a stale or forged id) or Next's manifest is not where it used to be. Never throws.
 */
export function serverActionName(actionId) {
    const cached = namesById.get(actionId);
    if (cached !== undefined)
        return cached;
    const found = lookUp(actionId);
    if (found !== undefined)
        namesById.set(actionId, found);
    return found;
}
function lookUp(actionId) {
    try {
        const manifests = globalThis[NEXT_MANIFESTS] ?? globalThis[NEXT_15_MANIFESTS];
        // Not set yet: no app page has been rendered in this process (e.g. a POST to a route handler).
        if (manifests === undefined)
            return undefined;
        const actions = manifests.serverActionsManifest?.node;
        if (typeof actions !== 'object' || actions === null) {
            logOnce('server-action-manifest', "Next's server actions manifest has changed shape; server actions are counted as _OTHER");
            return undefined;
        }
        // hasOwn: an id such as `constructor` or `__proto__` must not reach an inherited property.
        const entry = Object.hasOwn(actions, actionId) ? actions[actionId] : undefined;
        const name = entry?.exportedName;
        const file = entry?.filename;
        if (typeof name !== 'string' || typeof file !== 'string')
            return undefined;
        return { name, file };
    }
    catch (error) {
        logOnce('server-action-manifest', "failed to read Next's server actions manifest; server actions are counted as _OTHER", error);
        return undefined;
    }
}
