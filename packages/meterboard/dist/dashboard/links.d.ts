import type { MeterIdentity, WindowName } from '../query/stats-types.js';
/**
 * Where the dashboard is in this app: `page` for links (without basePath: next/link adds it), `api`
 * and `metrics` for fetches and plain anchors (with basePath).
 */
export interface DashboardPaths {
    page: string;
    api: string;
    metrics: string;
}
/**
 * The dashboard's paths, read off the address it was opened at: `pathname` (usePathname(), without
 * basePath) ends in the catch-all's `depth` segments, so whatever folder of app/ the page lives in
 * (app/meterboard/, app/ops/board/) is its path.
 */
export declare function dashboardPathsFor(pathname: string, depth: number, basePath: string, metricsPath: string): DashboardPaths;
/** The dashboard's address, showing `window`. */
export declare function dashboardHref(page: string, window: WindowName): string;
/** The shareable address of a route's page: method, template and window in the query string. */
export declare function routeHref(page: string, method: string, route: string | null, window: WindowName): string;
/** The shareable address of the metrics explorer, optionally opened on one instrument. */
export declare function explorerHref(page: string, window: WindowName, instrument?: MeterIdentity & {
    name: string;
}): string;
/** The address of one of the dashboard's pages (routes, explorer), below its own. */
export declare function subpageHref(page: string, name: string): string;
