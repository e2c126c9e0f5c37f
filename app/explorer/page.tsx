import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireDashboardAccess } from '@/lib/access/guard-page';
import { ExplorerPage } from '@/lib/dashboard/explorer-page';

export const metadata: Metadata = { title: 'Metrics explorer · meterboard' };

/** Every instrument of every meter (?meter=&name=&groupBy=&filter=&window=), linked from the dashboard. */
export default async function Explorer() {
  await requireDashboardAccess();
  // The page reads the instrument, the breakdown and the window from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <ExplorerPage />
    </Suspense>
  );
}
