// meterboard/dashboard: the dashboard's pages, as one catch-all page of the host app
// (app/meterboard/[[...path]]/page.tsx re-exports it): the dashboard itself, a route's page (routes)
// and the metrics explorer (explorer).
import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation.js';
import { Suspense, type ReactNode } from 'react';
import { dashboardAccess } from '../access/guard-page.js';
import { ClosedPanel, SignInPanel } from './access-panels.js';
import { Dashboard } from './dashboard.js';
import { DashboardShell } from './dashboard-shell.js';
import { ExplorerPage } from './explorer-page.js';
import { RoutePage } from './route-page.js';
import './meterboard.css';

/** The props Next gives the catch-all page: the segments below the dashboard's own path. */
export interface DashboardPageProps {
  params: Promise<{ path?: string[] }>;
}

interface View {
  title: string;
  render: (signedIn: boolean) => ReactNode;
}

const VIEWS: Record<string, View> = {
  '': { title: 'meterboard', render: (signedIn) => <Dashboard signedIn={signedIn} /> },
  routes: { title: 'Route · meterboard', render: () => <RoutePage /> },
  explorer: { title: 'Metrics explorer · meterboard', render: () => <ExplorerPage /> },
};

function viewOf(path: readonly string[] | undefined): View | undefined {
  return Object.hasOwn(VIEWS, (path ?? []).join('/')) ? VIEWS[(path ?? []).join('/')] : undefined;
}

/** The page's title; the dashboard is never for search engines. */
export async function generateMetadata({ params }: DashboardPageProps): Promise<Metadata> {
  const view = viewOf((await params).path);
  return { title: view?.title ?? 'Not found · meterboard', robots: { index: false, follow: false } };
}

/**
 * The dashboard page. Everything that reads the request (params, cookies, the access rule) is inside
 * a Suspense boundary, which a host with `cacheComponents: true` requires and others do not mind.
 */
export default function DashboardPage({ params }: DashboardPageProps) {
  return (
    <div className="meterboard">
      <Suspense fallback={<p className="muted">Loading meterboard…</p>}>
        <AuthorizedView params={params} />
      </Suspense>
    </div>
  );
}

async function AuthorizedView({ params }: DashboardPageProps) {
  const { path = [] } = await params;
  const view = viewOf(path);
  if (view === undefined) notFound();
  const verdict = await dashboardAccess();
  return (
    <DashboardShell depth={path.length}>
      {verdict === 'unauthorized' ? (
        <SignInPanel />
      ) : verdict === 'unconfigured' || verdict === 'misconfigured' ? (
        <ClosedPanel />
      ) : (
        // The views read their window and route from the URL (useSearchParams), which needs a Suspense boundary.
        <Suspense>{view.render(verdict === 'signed-in')}</Suspense>
      )}
    </DashboardShell>
  );
}
