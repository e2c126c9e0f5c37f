/** A path no app route matches, for the unmatched row's hint. */
export const UNMATCHED_EXAMPLE_PATH = '/no-such-page';
// Dynamic segments of an App Router template: [id], [...slug], [[...slug]].
const DYNAMIC_SEGMENT = /\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g;
/** The hint for a method and route template (null: the requests that matched no route). */
export function trafficHint(method, route) {
    if (route === null)
        return { kind: 'unmatched', example: UNMATCHED_EXAMPLE_PATH };
    const parameters = [...route.matchAll(DYNAMIC_SEGMENT)].map((match) => match[1]);
    if (method === 'GET' && parameters.length === 0)
        return { kind: 'link', href: route };
    return { kind: 'request', method, path: route, parameters };
}
