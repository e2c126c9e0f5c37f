'use client';
import { jsx as _jsx } from "react/jsx-runtime";
import { usePathname } from 'next/navigation.js';
import { createContext, useContext, useMemo } from 'react';
import { BASE_PATH } from '../base-path.js';
import { DEFAULT_DASHBOARD_PATH, METRICS_PATH } from '../paths.js';
import { dashboardPathsFor } from './links.js';
const DashboardPathsContext = createContext(dashboardPathsFor(DEFAULT_DASHBOARD_PATH, 0, BASE_PATH, METRICS_PATH));
/** Gives the dashboard's components its paths, from the address of the page and its catch-all `depth`. */
export function DashboardPathsProvider({ depth, children }) {
    const pathname = usePathname();
    const paths = useMemo(() => dashboardPathsFor(pathname, depth, BASE_PATH, METRICS_PATH), [pathname, depth]);
    return _jsx(DashboardPathsContext, { value: paths, children: children });
}
/** Where the dashboard's pages, JSON endpoints and /metrics are (see dashboardPathsFor). */
export function useDashboardPaths() {
    return useContext(DashboardPathsContext);
}
