'use client';

import Link from 'next/link.js';
import type { ReactNode } from 'react';
import { DashboardPathsProvider, useDashboardPaths } from './dashboard-paths.js';
import { subpageHref } from './links.js';

/**
 * The dashboard's frame inside the host app's layout: its own header and navigation, and the paths
 * every component below reads (useDashboardPaths). `depth` is how many catch-all segments the page's
 * address has beyond the dashboard's own path.
 */
export function DashboardShell({ depth, children }: { depth: number; children: ReactNode }) {
  return (
    <DashboardPathsProvider depth={depth}>
      <DashboardHeader />
      <div className="meterboard-main">{children}</div>
    </DashboardPathsProvider>
  );
}

// Links do not prefetch: a prefetch is a request the dashboard would count although nobody navigated.
function DashboardHeader() {
  const { page, metrics } = useDashboardPaths();
  return (
    <header className="meterboard-header">
      <Link href={page} className="brand" prefetch={false}>
        meterboard
      </Link>
      <nav aria-label="meterboard">
        <Link href={page} prefetch={false}>
          Dashboard
        </Link>
        <Link href={subpageHref(page, 'explorer')} prefetch={false}>
          Explorer
        </Link>
        <a href={metrics}>/metrics</a>
      </nav>
    </header>
  );
}
