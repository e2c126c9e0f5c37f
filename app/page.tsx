import { Dashboard } from '@/lib/dashboard/dashboard';

/** The live dashboard of this app's own traffic. */
export default function DashboardPage() {
  return <Dashboard />;
}
