import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, Tooltip, YAxis } from 'recharts';
import { CHART_MARGIN, ChartFigure, timeAxis } from './chart-figure.js';
import { toErrorRateRows, toLatencyRows, toRateRows } from './chart-data.js';
import { formatClock, formatRate } from './format.js';
import { errorRatio, latencyQuantile, requestRateByStatusClass } from '../promql/queries.js';
/** Colours of the status classes, in every chart and list that shows them. */
export const STATUS_CLASS_COLORS = { '2xx': '#2f9e44', '3xx': '#1c7ed6', '4xx': '#f08c00', '5xx': '#e03131' };
/** Colours of the percentile lines, in every chart that draws them. */
export const PERCENTILE_COLORS = { p50: '#1c7ed6', p90: '#f08c00', p99: '#e03131' };
/** Requests per second over time, stacked by status class. */
export function RequestRateChart({ points, stepSeconds, promql }) {
    return (_jsx(ChartFigure, { label: "Request rate by status class", caption: `Requests per second, by status class · ${stepSeconds} s steps`, promql: [requestRateByStatusClass(promql.selector, promql.range)], children: _jsxs(AreaChart, { data: toRateRows(points), margin: CHART_MARGIN, children: [_jsx(CartesianGrid, { strokeDasharray: "3 3", className: "chart-grid" }), timeAxis(), _jsx(YAxis, { tickFormatter: formatRate, width: 48, allowDecimals: true }), _jsx(Tooltip, { labelFormatter: (time) => formatClock(Number(time)), formatter: (value) => `${formatRate(Number(value))} req/s` }), _jsx(Legend, {}), Object.keys(STATUS_CLASS_COLORS).map((statusClass) => (_jsx(Area, { dataKey: statusClass, stackId: "status", stroke: STATUS_CLASS_COLORS[statusClass], fill: STATUS_CLASS_COLORS[statusClass], fillOpacity: 0.35, isAnimationActive: false }, statusClass)))] }) }));
}
/** p50/p90/p99 latency per step, in milliseconds. */
export function LatencyChart({ points, stepSeconds, promql }) {
    const lines = Object.keys(PERCENTILE_COLORS).map((percentile) => ({
        key: percentile,
        name: percentile,
        color: PERCENTILE_COLORS[percentile],
    }));
    const queries = [0.5, 0.9, 0.99].map((q) => latencyQuantile(q, promql.selector, promql.range));
    return _jsx(LinesOverTime, { label: "Latency percentiles", caption: `Latency percentiles (ms) · ${stepSeconds} s steps`, rows: toLatencyRows(points), lines: lines, unit: "ms", promql: queries });
}
/** Share of each step's requests that were errors (5xx and aborted), in percent. */
export function ErrorRateChart({ points, stepSeconds, promql }) {
    const lines = [{ key: 'errorPercent', name: 'error rate', color: STATUS_CLASS_COLORS['5xx'] }];
    const queries = [errorRatio(promql.selector, promql.range)];
    return _jsx(LinesOverTime, { label: "Error rate", caption: `Error rate (%), 5xx and aborted · ${stepSeconds} s steps`, rows: toErrorRateRows(points), lines: lines, unit: "%", promql: queries });
}
/** Lines over time; a step without a value (null) is bridged. */
export function LinesOverTime({ label, caption, rows, lines, unit, format, promql }) {
    const formatValue = format ?? ((value) => `${value.toPrecision(3)} ${unit}`);
    return (_jsx(ChartFigure, { label: label, caption: caption, promql: promql, children: _jsxs(LineChart, { data: rows, margin: CHART_MARGIN, children: [_jsx(CartesianGrid, { strokeDasharray: "3 3", className: "chart-grid" }), timeAxis(), _jsx(YAxis, { width: format ? 72 : 48, tickFormatter: format }), _jsx(Tooltip, { labelFormatter: (time) => formatClock(Number(time)), formatter: (value) => (value === null ? '–' : formatValue(Number(value))) }), _jsx(Legend, {}), lines.map(({ key, name, color }) => (_jsx(Line, { dataKey: key, name: name, stroke: color, dot: false, connectNulls: true, isAnimationActive: false }, key)))] }) }));
}
