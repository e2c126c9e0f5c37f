'use client';
import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { useState } from 'react';
import { SignOutButton } from '../access/sign-out-button.js';
import { rateRange, DEFAULT_SELECTOR } from '../promql/queries.js';
import { CardinalityWarning } from './cardinality-warning.js';
import { EmptyState } from './empty-state.js';
import { InstancesTable } from './instances-table.js';
import { InstrumentsTable } from './instruments-table.js';
import { KpiTiles } from './kpi-tiles.js';
import { LatencyChart, RequestRateChart } from './charts.js';
import { LiveControls } from './live-controls.js';
import { PollPlaceholder } from './poll-placeholder.js';
import { RoutesTable } from './routes-table.js';
import { RuntimePanel } from './runtime-panel.js';
import { ServerActionsTable } from './server-actions-table.js';
import { useStats } from './use-stats.js';
import { useWindowParam } from './use-window-param.js';
/** The live dashboard: polls the stats endpoint for the window in the URL and draws it; `signedIn` adds a Sign out button. */
export function Dashboard({ signedIn = false }) {
    const [window, setWindow] = useWindowParam();
    const [paused, setPaused] = useState(false);
    const { stats, updatedAt, error } = useStats(window, paused);
    const controls = (_jsxs("div", { className: "dashboard-controls", children: [_jsx(LiveControls, { window: window, onWindowChange: setWindow, paused: paused, onPausedChange: setPaused, updatedAt: updatedAt, error: error }), signedIn && _jsx(SignOutButton, {})] }));
    if (!stats) {
        return (_jsxs(_Fragment, { children: [controls, _jsx(PollPlaceholder, { endpoint: "stats", error: error })] }));
    }
    // From Prometheus, the charts show the very queries that drew them; otherwise the ones that would.
    const promql = stats.promql ?? { selector: DEFAULT_SELECTOR, range: rateRange(stats.window.stepSeconds) };
    return (_jsxs(_Fragment, { children: [_jsxs("div", { className: "dashboard-header", children: [_jsx("h1", { children: stats.service.name }), controls] }), stats.totals.requestsSinceStart === 0 && _jsx(EmptyState, {}), _jsx(CardinalityWarning, { instruments: stats.overflowingInstruments, window: window }), _jsx(KpiTiles, { stats: stats }), _jsxs("div", { className: "charts", children: [_jsx(RequestRateChart, { points: stats.points, stepSeconds: stats.window.stepSeconds, promql: promql }), _jsx(LatencyChart, { points: stats.points, stepSeconds: stats.window.stepSeconds, promql: promql })] }), _jsx(RoutesTable, { routes: stats.routes, window: window }), _jsx(ServerActionsTable, { actions: stats.serverActions }), stats.instances ? (_jsx(InstancesTable, { instances: stats.instances })) : (_jsxs(_Fragment, { children: [_jsx(RuntimePanel, { runtime: stats.runtime }), _jsx(InstrumentsTable, { instruments: stats.instruments, window: window })] }))] }));
}
