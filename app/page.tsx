import { Suspense } from 'react';
import { requireDashboardAccess } from '@/lib/access/guard-page';
import { Dashboard } from '@/lib/dashboard/dashboard';

/** The live dashboard of this app's own traffic. */
export default async function DashboardPage() {
  const { signedIn } = await requireDashboardAccess();
  // The dashboard reads its window from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <Dashboard signedIn={signedIn} />
    </Suspense>
  );
}
