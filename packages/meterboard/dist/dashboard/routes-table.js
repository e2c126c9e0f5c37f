'use client';
import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import Link from 'next/link.js';
import { useState } from 'react';
import { routeLabel, sortRoutes } from './chart-data.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { routeHref } from './links.js';
import { formatCount, formatRate, formatRatioAsPercent, formatSeconds } from './format.js';
const COLUMNS = [
    { key: 'method', label: 'Method', numeric: false },
    { key: 'route', label: 'Route', numeric: false },
    { key: 'requests', label: 'Requests', numeric: true },
    { key: 'requestsPerSecond', label: 'Req/s', numeric: true },
    { key: 'errorRate', label: 'Error %', numeric: true },
    { key: 'p50', label: 'p50', numeric: true },
    { key: 'p95', label: 'p95', numeric: true },
    { key: 'p99', label: 'p99', numeric: true },
];
const DEFAULT_SORT = { key: 'requests', direction: 'descending' };
/** Per-route numbers over the window, sortable by any column; each route links to its own page. */
export function RoutesTable({ routes, window }) {
    const { page } = useDashboardPaths();
    const [sort, setSort] = useState(DEFAULT_SORT);
    function sortBy(key, numeric) {
        setSort((current) => current.key === key
            ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
            : { key, direction: numeric ? 'descending' : 'ascending' });
    }
    return (_jsxs("section", { "aria-labelledby": "routes-heading", children: [_jsx("h2", { id: "routes-heading", children: "Routes" }), _jsxs("table", { "aria-labelledby": "routes-heading", className: "routes", children: [_jsx("thead", { children: _jsx("tr", { children: COLUMNS.map(({ key, label, numeric }) => (_jsx("th", { scope: "col", className: numeric ? 'num' : undefined, "aria-sort": sort.key === key ? sort.direction : 'none', children: _jsxs("button", { type: "button", onClick: () => sortBy(key, numeric), children: [label, _jsx("span", { "aria-hidden": "true", children: sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : '' })] }) }, key))) }) }), _jsx("tbody", { children: sortRoutes(routes, sort).map((row) => (_jsxs("tr", { children: [_jsx("td", { children: _jsx("code", { children: row.method }) }), _jsx("th", { scope: "row", className: row.route === null ? 'unmatched' : undefined, children: _jsx(Link, { href: routeHref(page, row.method, row.route, window), prefetch: false, children: routeLabel(row.route) }) }), _jsx("td", { className: "num", title: `${formatCount(row.requestsSinceStart)} since start`, children: formatCount(row.requests) }), _jsx("td", { className: "num", children: formatRate(row.requestsPerSecond) }), _jsx("td", { className: (row.errorRate ?? 0) > 0 ? 'num error' : 'num', children: formatRatioAsPercent(row.errorRate) }), _jsx("td", { className: "num", children: formatSeconds(row.durationSeconds.p50) }), _jsx("td", { className: "num", children: formatSeconds(row.durationSeconds.p95) }), _jsx("td", { className: "num", children: formatSeconds(row.durationSeconds.p99) })] }, `${row.method} ${row.route ?? ''}`))) })] })] }));
}
