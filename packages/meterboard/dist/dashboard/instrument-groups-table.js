import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { formatCount, formatRate, formatWithUnit } from './format.js';
const SERIES = { header: 'Series', cell: (group) => formatCount(group.series) };
const PER_SECOND = { header: 'Per second', cell: (group) => formatRate(group.perSecond ?? 0) };
const percentile = (key) => ({ header: key, cell: (group, unit) => formatWithUnit(group.percentiles?.[key] ?? null, unit) });
/** The numbers each kind of instrument has per group. */
const COLUMNS = {
    counter: [SERIES, { header: 'Increase', cell: (group, unit) => formatWithUnit(group.value, unit) }, PER_SECOND],
    histogram: [
        SERIES,
        { header: 'Recordings', cell: (group) => formatCount(group.value) },
        PER_SECOND,
        { header: 'Mean', cell: (group, unit) => formatWithUnit(group.value > 0 && group.sum !== null ? group.sum / group.value : null, unit) },
        percentile('p50'),
        percentile('p90'),
        percentile('p99'),
    ],
    'up-down-counter': [SERIES, { header: 'Latest value', cell: (group, unit) => formatWithUnit(group.value, unit) }],
    gauge: [SERIES, { header: 'Latest value', cell: (group, unit) => formatWithUnit(group.value, unit) }],
};
/** The instrument's groups over the window, with the numbers that fit its kind. */
export function InstrumentGroupsTable({ detail, kind, unit }) {
    const columns = COLUMNS[kind];
    return (_jsxs("section", { "aria-labelledby": "groups-heading", children: [_jsx("h2", { id: "groups-heading", children: detail.groupBy === null ? 'All series' : `By ${detail.groupBy}` }), _jsxs("table", { "aria-labelledby": "groups-heading", children: [_jsx("thead", { children: _jsxs("tr", { children: [_jsx("th", { scope: "col", children: detail.groupBy ?? 'Group' }), columns.map(({ header }) => (_jsx("th", { scope: "col", className: "num", children: header }, header)))] }) }), _jsx("tbody", { children: detail.groups.map((group) => (_jsxs("tr", { children: [_jsx("th", { scope: "row", children: group.label }), columns.map(({ header, cell }) => (_jsx("td", { className: "num", children: cell(group, unit) }, header)))] }, group.label))) })] })] }));
}
