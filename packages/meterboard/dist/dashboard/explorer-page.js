'use client';
import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import Link from 'next/link.js';
import { usePathname, useRouter, useSearchParams } from 'next/navigation.js';
import { useState } from 'react';
import { formatUptimeSeconds, unitLabel } from './format.js';
import { InstrumentCharts } from './instrument-charts.js';
import { InstrumentGroupsTable } from './instrument-groups-table.js';
import { InstrumentList } from './instrument-list.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { dashboardHref } from './links.js';
import { LiveControls } from './live-controls.js';
import { meterLabel } from './meter-label.js';
import { PollPlaceholder } from './poll-placeholder.js';
import { replaceQuery } from './replace-query.js';
import { usePolledStats } from './use-stats.js';
import { useWindowParam } from './use-window-param.js';
/**
 * The metrics explorer: every instrument of every meter, and the one in the URL
 * (?meter=&name=, with ?groupBy= and ?filter=key=value) over the window, polled from
 * /api/stats/instrument and charted as fits its kind.
 */
export function ExplorerPage() {
    const { page } = useDashboardPaths();
    const router = useRouter();
    const pathname = usePathname();
    const searchParams = useSearchParams();
    const [window, setWindow] = useWindowParam();
    const [paused, setPaused] = useState(false);
    const meter = searchParams.get('meter');
    const meterVersion = searchParams.get('meterVersion') ?? undefined;
    const meterSchemaUrl = searchParams.get('meterSchemaUrl') ?? undefined;
    const name = searchParams.get('name');
    const groupBy = searchParams.get('groupBy');
    const query = [['window', window]];
    if (meter !== null && name !== null) {
        query.push(['meter', meter], ['name', name]);
        if (meterVersion !== undefined)
            query.push(['meterVersion', meterVersion]);
        if (meterSchemaUrl !== undefined)
            query.push(['meterSchemaUrl', meterSchemaUrl]);
    }
    if (groupBy)
        query.push(['groupBy', groupBy]);
    for (const filter of searchParams.getAll('filter'))
        query.push(['filter', filter]);
    const { stats: detail, isCurrent, updatedAt, error } = usePolledStats('stats/instrument', query, paused);
    return (_jsxs(_Fragment, { children: [_jsxs("div", { className: "dashboard-header", children: [_jsxs("div", { children: [_jsxs(Link, { href: dashboardHref(page, window), prefetch: false, className: "back-link", children: [_jsx("span", { "aria-hidden": "true", children: "\u2190 " }), "Back to the dashboard"] }), _jsx("h1", { children: "Metrics explorer" })] }), _jsx(LiveControls, { window: window, onWindowChange: setWindow, paused: paused, onPausedChange: setPaused, updatedAt: updatedAt, error: error })] }), detail ? (_jsxs("div", { className: "explorer", children: [_jsx(InstrumentList, { instruments: detail.instruments, selected: isCurrent ? detail.instrument : null, window: window }), _jsx("div", { className: "explorer-detail", children: isCurrent ? (_jsx(InstrumentView, { detail: detail, asked: meter !== null && name !== null ? { meter, meterVersion, meterSchemaUrl, name } : undefined, window: window, onQueryChange: (changes) => replaceQuery(router, pathname, searchParams, changes) })) : (
                        // The list stays; what was shown for the previous address does not pass for the new one.
                        _jsx(PollPlaceholder, { endpoint: "stats/instrument", error: error })) })] })) : (_jsx(PollPlaceholder, { endpoint: "stats/instrument", error: error }))] }));
}
/** The instrument asked for: what it is, the breakdown and filter pickers, its charts and groups; or why there is nothing to show. */
function InstrumentView({ detail, asked, window, onQueryChange }) {
    const { instrument } = detail;
    if (asked === undefined) {
        return (_jsxs("section", { className: "empty", "aria-labelledby": "explorer-pick-heading", children: [_jsx("h2", { id: "explorer-pick-heading", children: "Pick an instrument" }), _jsxs("p", { children: ["Every instrument of every meter in this process is listed: the app's own meters (anything created with", ' ', _jsx("code", { children: "metrics.getMeter()" }), ") first, then meterboard's HTTP and runtime metrics."] })] }));
    }
    if (instrument === null) {
        return (_jsxs("section", { className: "empty", "aria-labelledby": "explorer-unknown-heading", children: [_jsxs("h2", { id: "explorer-unknown-heading", children: ["No instrument ", _jsx("code", { children: asked.name }), " in meter ", _jsx("code", { children: meterLabel(asked) })] }), _jsx("p", { children: "An instrument appears here after its first recording in this process. Check the name, or run the code that records it." })] }));
    }
    return (_jsxs(_Fragment, { children: [_jsx(InstrumentHeader, { instrument: instrument }), _jsx(Pickers, { detail: detail, onQueryChange: onQueryChange }), detail.groups.length === 0 ? (_jsxs("section", { className: "empty", "aria-labelledby": "explorer-empty-heading", children: [_jsxs("h2", { id: "explorer-empty-heading", children: ["Nothing recorded in the last ", window] }), _jsx("p", { children: detail.filters.length > 0
                            ? 'No series passes the filter in this window: clear the filter or pick a longer window.'
                            : `The window covers ${formatUptimeSeconds(detail.coveredSeconds)} of history: pick a longer one, or make the instrument record.` })] })) : (_jsxs(_Fragment, { children: [_jsx(InstrumentCharts, { detail: { ...detail, instrument } }), _jsx(InstrumentGroupsTable, { detail: detail, kind: instrument.kind, unit: instrument.unit })] }))] }));
}
function InstrumentHeader({ instrument }) {
    const unit = unitLabel(instrument.unit);
    return (_jsxs("header", { className: "instrument-header", children: [_jsx("h2", { children: _jsx("code", { children: instrument.name }) }), _jsxs("dl", { className: "details", children: [_jsx("dt", { children: "Kind" }), _jsx("dd", { children: instrument.kind }), _jsx("dt", { children: "Meter" }), _jsx("dd", { children: _jsx("code", { children: meterLabel(instrument) }) }), _jsx("dt", { children: "Unit" }), _jsx("dd", { children: unit === '' ? 'none' : _jsx("code", { children: instrument.unit }) }), instrument.description && (_jsxs(_Fragment, { children: [_jsx("dt", { children: "Description" }), _jsx("dd", { children: instrument.description })] }))] })] }));
}
/** "Break down by" an attribute key and "Filter" on one attribute value, both kept in the URL. */
function Pickers({ detail, onQueryChange }) {
    const filter = detail.filters[0];
    const filterValue = filter ? `${filter.key}=${filter.value}` : '';
    return (_jsxs("div", { className: "pickers", children: [_jsxs("label", { children: ["Break down by", ' ', _jsxs("select", { value: detail.groupBy ?? '', onChange: (event) => onQueryChange({ groupBy: event.target.value || undefined }), children: [_jsx("option", { value: "", children: "nothing (all series)" }), detail.groupBy !== null && !detail.attributes.some(({ key }) => key === detail.groupBy) && (_jsx("option", { value: detail.groupBy, children: detail.groupBy })), detail.attributes.map(({ key }) => (_jsx("option", { value: key, children: key }, key)))] })] }), _jsxs("label", { children: ["Filter", ' ', _jsxs("select", { value: filterValue, onChange: (event) => onQueryChange({ filter: event.target.value || undefined }), children: [_jsx("option", { value: "", children: "all series" }), filter && !detail.attributes.some(({ key, values }) => key === filter.key && values.includes(filter.value)) && (_jsxs("option", { value: filterValue, children: [filter.key, " = ", filter.value] })), detail.attributes.flatMap(({ key, values }) => values.map((value) => (_jsxs("option", { value: `${key}=${value}`, children: [key, " = ", value] }, JSON.stringify([key, value])))))] })] }), detail.filters.length > 1 && (_jsxs("p", { className: "muted", children: ["The address holds ", detail.filters.length, " filters, all applied:", ' ', detail.filters.map(({ key, value }) => `${key} = ${value}`).join(', '), ". Picking one here replaces them."] }))] }));
}
