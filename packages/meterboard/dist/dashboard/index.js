import { jsx as _jsx } from "react/jsx-runtime";
// meterboard/dashboard: the dashboard's pages, as one catch-all page of the host app
// (app/meterboard/[[...path]]/page.tsx re-exports it): the dashboard itself, a route's page (routes)
// and the metrics explorer (explorer).
import 'server-only';
import { notFound } from 'next/navigation.js';
import { Suspense } from 'react';
import { dashboardAccess } from '../access/guard-page.js';
import { ClosedPanel, SignInPanel } from './access-panels.js';
import { Dashboard } from './dashboard.js';
import { DashboardShell } from './dashboard-shell.js';
import { ExplorerPage } from './explorer-page.js';
import { RoutePage } from './route-page.js';
import './meterboard.css';
const VIEWS = {
    '': { title: 'meterboard', render: (signedIn) => _jsx(Dashboard, { signedIn: signedIn }) },
    routes: { title: 'Route · meterboard', render: () => _jsx(RoutePage, {}) },
    explorer: { title: 'Metrics explorer · meterboard', render: () => _jsx(ExplorerPage, {}) },
};
function viewOf(path) {
    return Object.hasOwn(VIEWS, (path ?? []).join('/')) ? VIEWS[(path ?? []).join('/')] : undefined;
}
/** The page's title; the dashboard is never for search engines. */
export async function generateMetadata({ params }) {
    const view = viewOf((await params).path);
    return { title: view?.title ?? 'Not found · meterboard', robots: { index: false, follow: false } };
}
/**
 * The dashboard page. Everything that reads the request (params, cookies, the access rule) is inside
 * a Suspense boundary, which a host with `cacheComponents: true` requires and others do not mind.
 */
export default function DashboardPage({ params }) {
    return (_jsx("div", { className: "meterboard", children: _jsx(Suspense, { fallback: _jsx("p", { className: "muted", children: "Loading meterboard\u2026" }), children: _jsx(AuthorizedView, { params: params }) }) }));
}
async function AuthorizedView({ params }) {
    const { path = [] } = await params;
    const view = viewOf(path);
    if (view === undefined)
        notFound();
    const verdict = await dashboardAccess();
    return (_jsx(DashboardShell, { depth: path.length, children: verdict === 'unauthorized' ? (_jsx(SignInPanel, {})) : verdict === 'unconfigured' || verdict === 'misconfigured' ? (_jsx(ClosedPanel, {})) : (
        // The views read their window and route from the URL (useSearchParams), which needs a Suspense boundary.
        _jsx(Suspense, { children: view.render(verdict === 'signed-in') })) }));
}
