import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RoutePage } from '@/lib/dashboard/route-page';

export const metadata: Metadata = { title: 'Route · meterboard' };

/** One route's page (?method=&route=&window=), linked from the dashboard's routes table. */
export default function RoutesPage() {
  // The page reads the route and the window from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <RoutePage />
    </Suspense>
  );
}
