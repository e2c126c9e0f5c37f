import { type ReactNode } from 'react';
import { type DashboardPaths } from './links.js';
/** Gives the dashboard's components its paths, from the address of the page and its catch-all `depth`. */
export declare function DashboardPathsProvider({ depth, children }: {
    depth: number;
    children: ReactNode;
}): import("react").JSX.Element;
/** Where the dashboard's pages, JSON endpoints and /metrics are (see dashboardPathsFor). */
export declare function useDashboardPaths(): DashboardPaths;
