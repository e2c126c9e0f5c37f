'use client';
import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import Link from 'next/link.js';
import { DashboardPathsProvider, useDashboardPaths } from './dashboard-paths.js';
import { subpageHref } from './links.js';
/**
 * The dashboard's frame inside the host app's layout: its own header and navigation, and the paths
 * every component below reads (useDashboardPaths). `depth` is how many catch-all segments the page's
 * address has beyond the dashboard's own path.
 */
export function DashboardShell({ depth, children }) {
    return (_jsxs(DashboardPathsProvider, { depth: depth, children: [_jsx(DashboardHeader, {}), _jsx("div", { className: "meterboard-main", children: children })] }));
}
// Links do not prefetch: a prefetch is a request the dashboard would count although nobody navigated.
function DashboardHeader() {
    const { page, metrics } = useDashboardPaths();
    return (_jsxs("header", { className: "meterboard-header", children: [_jsx(Link, { href: page, className: "brand", prefetch: false, children: "meterboard" }), _jsxs("nav", { "aria-label": "meterboard", children: [_jsx(Link, { href: page, prefetch: false, children: "Dashboard" }), _jsx(Link, { href: subpageHref(page, 'explorer'), prefetch: false, children: "Explorer" }), _jsx("a", { href: metrics, children: "/metrics" })] })] }));
}
