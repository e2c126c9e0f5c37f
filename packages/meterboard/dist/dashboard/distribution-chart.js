import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_MARGIN, ChartFigure } from './chart-figure.js';
import { toDistributionRows } from './chart-data.js';
import { formatCount } from './format.js';
/** How many of something fell in each range: one bar per range. */
export function DistributionChart({ label, caption, rows, noun }) {
    return (_jsx(ChartFigure, { label: label, caption: caption, children: _jsxs(BarChart, { data: rows, margin: CHART_MARGIN, barCategoryGap: 1, children: [_jsx(CartesianGrid, { strokeDasharray: "3 3", className: "chart-grid", vertical: false }), _jsx(XAxis, { dataKey: "range", interval: "preserveStartEnd", minTickGap: 24, tick: { fontSize: 11 } }), _jsx(YAxis, { width: 48, allowDecimals: false }), _jsx(Tooltip, { formatter: (value) => [`${formatCount(Number(value))} ${noun}`, 'count'] }), _jsx(Bar, { dataKey: "count", fill: "var(--accent)", isAnimationActive: false })] }) }));
}
/** How many requests took how long over the window: one bar per latency range, fastest first. */
export function LatencyDistributionChart({ bars }) {
    return (_jsx(DistributionChart, { label: "Latency distribution", caption: "Latency distribution (requests per duration range)", rows: toDistributionRows(bars), noun: "requests" }));
}
