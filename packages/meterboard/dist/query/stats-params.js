import { DEFAULT_WINDOW, WINDOWS, windowNamed } from './windows.js';
const STATS_PARAMETERS = ['window', 'since'];
const ROUTE_STATS_PARAMETERS = ['method', 'route', 'window', 'since'];
const INSTRUMENT_STATS_PARAMETERS = ['meter', 'meterVersion', 'meterSchemaUrl', 'name', 'groupBy', 'filter', 'window', 'since'];
const WINDOW_NAMES = quotedList(WINDOWS.map((window) => window.name), ', ');
// A method is an HTTP token: https://www.rfc-editor.org/rfc/rfc9110#name-methods
const METHOD_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/;
/** The query of GET /api/stats, or a message naming the bad parameter. */
export function parseStatsParams(query) {
    return parameterNamesError(query, STATS_PARAMETERS) ?? parseWindowAndSince(query);
}
/**
 * The query of GET /api/stats/route, or a message naming the bad or missing parameter. A method or
 * route nobody has requested is not an error: it has no requests yet.
 */
export function parseRouteStatsParams(query) {
    const unknown = parameterNamesError(query, ROUTE_STATS_PARAMETERS);
    if (unknown)
        return unknown;
    const method = query.get('method');
    if (method === null)
        return { error: 'Missing query parameter "method": the HTTP method of the route, such as "GET".' };
    if (!METHOD_TOKEN.test(method))
        return { error: `"method" must be an HTTP method such as "GET", got ${JSON.stringify(method)}.` };
    const route = query.get('route');
    if (route === null) {
        return { error: 'Missing query parameter "route": a route template such as "/orders/[id]", or empty for the requests that matched no route.' };
    }
    if (route !== '' && !route.startsWith('/')) {
        return { error: `"route" must be a route template starting with "/" (such as "/orders/[id]"), or empty for the requests that matched no route; got ${JSON.stringify(route)}.` };
    }
    const windowAndSince = parseWindowAndSince(query);
    if ('error' in windowAndSince)
        return windowAndSince;
    return { ...windowAndSince, method, route: route === '' ? undefined : route };
}
/**
 * The query of GET /api/stats/instrument, or a message naming the bad parameter. `meter` and `name`
 * come together or not at all; an instrument no meter has (yet) is not an error. `filter` may repeat.
 */
export function parseInstrumentStatsParams(query) {
    const unknown = parameterNamesError(query, INSTRUMENT_STATS_PARAMETERS, ['filter']);
    if (unknown)
        return unknown;
    const meter = query.get('meter');
    const name = query.get('name');
    if ((meter === null) !== (name === null)) {
        const missing = meter === null ? 'meter' : 'name';
        return { error: `Missing query parameter "${missing}": an instrument is named by its meter and its name together, such as meter=orders&name=orders.created.` };
    }
    if (name === '')
        return { error: '"name" must be the name of an instrument, such as "orders.created"; got an empty string.' };
    const meterVersion = query.get('meterVersion');
    const meterSchemaUrl = query.get('meterSchemaUrl');
    for (const [parameter, value] of [['meterVersion', meterVersion], ['meterSchemaUrl', meterSchemaUrl]]) {
        if (value === null)
            continue;
        if (meter === null)
            return { error: `"${parameter}" belongs to an instrument: give it with meter and name, such as meter=orders&${parameter}=…&name=orders.created.` };
        if (value === '')
            return { error: `"${parameter}" must be the meter's ${parameter === 'meterVersion' ? 'version' : 'schema URL'}, or left out for a meter without one; got an empty string.` };
    }
    const groupBy = query.get('groupBy');
    if (groupBy === '')
        return { error: '"groupBy" must be an attribute key such as "http.route", or left out for no breakdown; got an empty string.' };
    const filters = [];
    for (const filter of query.getAll('filter')) {
        const equals = filter.indexOf('=');
        if (equals < 1) {
            return { error: `"filter" must be an attribute key, "=" and a value, such as "http.route=/orders/[id]"; got ${JSON.stringify(filter)}.` };
        }
        filters.push({ key: filter.slice(0, equals), value: filter.slice(equals + 1) });
    }
    const windowAndSince = parseWindowAndSince(query);
    if ('error' in windowAndSince)
        return windowAndSince;
    return {
        ...windowAndSince,
        instrument: meter === null || name === null
            ? undefined
            : { meter, ...(meterVersion === null ? {} : { meterVersion }), ...(meterSchemaUrl === null ? {} : { meterSchemaUrl }), name },
        groupBy: groupBy ?? undefined,
        filters,
    };
}
// An unknown parameter, or one given twice that may be given once: answering with either value
// would be a guess (`window=1m&window=5m`).
function parameterNamesError(query, known, repeatable = []) {
    const seen = new Set();
    for (const name of query.keys()) {
        if (!known.includes(name))
            return { error: `Unknown query parameter "${name}"; the parameters are ${quotedList(known, ' and ')}.` };
        if (seen.has(name) && !repeatable.includes(name)) {
            return { error: `Query parameter "${name}" is given ${query.getAll(name).length} times; give it once.` };
        }
        seen.add(name);
    }
    return undefined;
}
function parseWindowAndSince(query) {
    const windowName = query.get('window') ?? DEFAULT_WINDOW;
    const window = windowNamed(windowName);
    if (window === undefined)
        return { error: `"window" must be one of ${WINDOW_NAMES}, got ${JSON.stringify(windowName)}.` };
    const rawSince = query.get('since');
    if (rawSince === null)
        return { window, since: undefined };
    const since = /^\d{1,15}$/.test(rawSince) ? Number(rawSince) : NaN;
    if (!Number.isSafeInteger(since)) {
        return { error: `"since" must be a time in epoch milliseconds (the "time" of the last complete point you hold), got ${JSON.stringify(rawSince)}.` };
    }
    return { window, since };
}
/** `"a", "b" and "c"` (with lastSeparator ' and '). */
function quotedList(names, lastSeparator) {
    const quoted = names.map((name) => `"${name}"`);
    return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')}${lastSeparator}${quoted.at(-1)}`;
}
