import { Suspense } from 'react';
import { Dashboard } from '@/lib/dashboard/dashboard';

/** The live dashboard of this app's own traffic. */
export default function DashboardPage() {
  // The dashboard reads its window from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <Dashboard />
    </Suspense>
  );
}
