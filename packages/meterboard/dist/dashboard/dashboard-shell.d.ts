import type { ReactNode } from 'react';
/**
 * The dashboard's frame inside the host app's layout: its own header and navigation, and the paths
 * every component below reads (useDashboardPaths). `depth` is how many catch-all segments the page's
 * address has beyond the dashboard's own path.
 */
export declare function DashboardShell({ depth, children }: {
    depth: number;
    children: ReactNode;
}): import("react").JSX.Element;
