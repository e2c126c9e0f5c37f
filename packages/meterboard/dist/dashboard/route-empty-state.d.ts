import type { RouteStats, WindowName } from '../query/stats-types.js';
/** What a route's page shows when the route had no requests in the window: that, and how to send it some. */
export declare function RouteEmptyState({ route, window }: {
    route: RouteStats;
    window: WindowName;
}): import("react").JSX.Element;
