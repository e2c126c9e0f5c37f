'use client';

import { usePathname } from 'next/navigation.js';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { BASE_PATH } from '../base-path.js';
import { DEFAULT_DASHBOARD_PATH, METRICS_PATH } from '../paths.js';
import { dashboardPathsFor, type DashboardPaths } from './links.js';

const DashboardPathsContext = createContext<DashboardPaths>(dashboardPathsFor(DEFAULT_DASHBOARD_PATH, 0, BASE_PATH, METRICS_PATH));

/** Gives the dashboard's components its paths, from the address of the page and its catch-all `depth`. */
export function DashboardPathsProvider({ depth, children }: { depth: number; children: ReactNode }) {
  const pathname = usePathname();
  const paths = useMemo(() => dashboardPathsFor(pathname, depth, BASE_PATH, METRICS_PATH), [pathname, depth]);
  return <DashboardPathsContext value={paths}>{children}</DashboardPathsContext>;
}

/** Where the dashboard's pages, JSON endpoints and /metrics are (see dashboardPathsFor). */
export function useDashboardPaths(): DashboardPaths {
  return useContext(DashboardPathsContext);
}
