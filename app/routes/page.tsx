import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireDashboardAccess } from '@/lib/access/guard-page';
import { RoutePage } from '@/lib/dashboard/route-page';

export const metadata: Metadata = { title: 'Route · meterboard' };

/** One route's page (?method=&route=&window=), linked from the dashboard's routes table. */
export default async function RoutesPage() {
  await requireDashboardAccess();
  // The page reads the route and the window from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <RoutePage />
    </Suspense>
  );
}
