import { API_SEGMENT } from '../paths.js';
/**
 * The dashboard's paths, read off the address it was opened at: `pathname` (usePathname(), without
 * basePath) ends in the catch-all's `depth` segments, so whatever folder of app/ the page lives in
 * (app/meterboard/, app/ops/board/) is its path.
 */
export function dashboardPathsFor(pathname, depth, basePath, metricsPath) {
    const segments = pathname.split('/').filter((segment) => segment !== '');
    const page = `/${segments.slice(0, segments.length - depth).join('/')}`;
    return { page, api: `${basePath}${page === '/' ? '' : page}/${API_SEGMENT}`, metrics: `${basePath}${metricsPath}` };
}
/** The dashboard's address, showing `window`. */
export function dashboardHref(page, window) {
    return `${page}?${new URLSearchParams({ window })}`;
}
/** The shareable address of a route's page: method, template and window in the query string. */
export function routeHref(page, method, route, window) {
    const query = new URLSearchParams({ method, route: route ?? '', window });
    return `${subpageHref(page, 'routes')}?${query}`;
}
/** The shareable address of the metrics explorer, optionally opened on one instrument. */
export function explorerHref(page, window, instrument) {
    const query = new URLSearchParams();
    if (instrument) {
        query.set('meter', instrument.meter);
        query.set('name', instrument.name);
        if (instrument.meterVersion !== undefined)
            query.set('meterVersion', instrument.meterVersion);
        if (instrument.meterSchemaUrl !== undefined)
            query.set('meterSchemaUrl', instrument.meterSchemaUrl);
    }
    query.set('window', window);
    return `${subpageHref(page, 'explorer')}?${query}`;
}
/** The address of one of the dashboard's pages (routes, explorer), below its own. */
export function subpageHref(page, name) {
    return page === '/' ? `/${name}` : `${page}/${name}`;
}
