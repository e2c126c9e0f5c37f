'use client';
import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import Link from 'next/link.js';
import { useSearchParams } from 'next/navigation.js';
import { useState } from 'react';
import { routeLabel } from './chart-data.js';
import { rateRange, DEFAULT_SELECTOR, labelMatcher } from '../promql/queries.js';
import { ErrorRateChart, LatencyChart, RequestRateChart } from './charts.js';
import { RouteKpiTiles } from './kpi-tiles.js';
import { LatencyDistributionChart } from './distribution-chart.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { dashboardHref } from './links.js';
import { LiveControls } from './live-controls.js';
import { PollPlaceholder } from './poll-placeholder.js';
import { RouteEmptyState } from './route-empty-state.js';
import { StatusCodes } from './status-codes.js';
import { usePolledStats } from './use-stats.js';
import { useWindowParam } from './use-window-param.js';
const ROUTE_PARAMETERS = ['method', 'route'];
/**
 * One route's page: a method and route template (?method=&route=, route empty for the requests that
 * matched no route) over the window in the URL, polled from /api/stats/route and drawn.
 */
export function RoutePage() {
    const { page } = useDashboardPaths();
    const searchParams = useSearchParams();
    const method = searchParams.get('method');
    const route = searchParams.get('route');
    const [window, setWindow] = useWindowParam();
    const [paused, setPaused] = useState(false);
    const query = method === null || route === null ? null : { method, route, window };
    const { stats: detail, updatedAt, error } = usePolledStats('stats/route', query, paused);
    const back = (_jsxs(Link, { href: dashboardHref(page, window), prefetch: false, className: "back-link", children: [_jsx("span", { "aria-hidden": "true", children: "\u2190 " }), "Back to the dashboard"] }));
    if (method === null || route === null) {
        const missing = ROUTE_PARAMETERS.filter((name) => searchParams.get(name) === null).map((name) => `"${name}"`);
        return (_jsxs("section", { children: [back, _jsx("h1", { children: "Which route?" }), _jsxs("p", { role: "alert", className: "error", children: ["This page shows one route, and its address is missing ", missing.join(' and '), ". Open a route from the dashboard's Routes table."] })] }));
    }
    return (_jsxs(_Fragment, { children: [_jsxs("div", { className: "dashboard-header", children: [_jsxs("div", { children: [back, _jsxs("h1", { children: [_jsx("code", { children: method }), " ", _jsx("span", { className: route === '' ? 'unmatched' : undefined, children: routeLabel(route === '' ? null : route) })] })] }), _jsx(LiveControls, { window: window, onWindowChange: setWindow, paused: paused, onPausedChange: setPaused, updatedAt: updatedAt, error: error })] }), detail ? _jsx(RouteDetailView, { detail: detail, window: window }) : _jsx(PollPlaceholder, { endpoint: "stats/route", error: error })] }));
}
/** The route's numbers, or what to do when it had no requests in the window. */
function RouteDetailView({ detail, window }) {
    if (detail.route.requests === 0)
        return _jsx(RouteEmptyState, { route: detail.route, window: window });
    // Requests that matched no route have no http_route label; PromQL matches a missing label as "".
    const selector = [DEFAULT_SELECTOR, labelMatcher('http_request_method', detail.route.method), labelMatcher('http_route', detail.route.route ?? '')].join(',');
    const promql = { selector, range: rateRange(detail.window.stepSeconds) };
    return (_jsxs(_Fragment, { children: [_jsx(RouteKpiTiles, { route: detail.route }), _jsxs("div", { className: "charts", children: [_jsx(RequestRateChart, { points: detail.points, stepSeconds: detail.window.stepSeconds, promql: promql }), _jsx(LatencyChart, { points: detail.points, stepSeconds: detail.window.stepSeconds, promql: promql }), _jsx(ErrorRateChart, { points: detail.points, stepSeconds: detail.window.stepSeconds, promql: promql }), _jsx(LatencyDistributionChart, { bars: detail.latencyDistribution })] }), _jsx(StatusCodes, { statusCodes: detail.route.statusCodes })] }));
}
