import type { RouteStats, WindowName } from '../query/stats-types.js';
/** Per-route numbers over the window, sortable by any column; each route links to its own page. */
export declare function RoutesTable({ routes, window }: {
    routes: readonly RouteStats[];
    window: WindowName;
}): import("react").JSX.Element;
