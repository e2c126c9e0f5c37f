import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { ResponsiveContainer, XAxis } from 'recharts';
import { formatClock } from './format.js';
import { PromqlDisclosure } from './promql-disclosure.js';
/** Space around the plot of every chart, pixels. */
export const CHART_MARGIN = { top: 8, right: 16, bottom: 0, left: 0 };
/**
 * A chart's frame: a figure named `label` (how tests and screen readers find it), its caption, the
 * chart filling the box, and the PromQL that draws the same in Prometheus or Grafana, if any.
 */
export function ChartFigure({ label, caption, promql = [], children }) {
    return (_jsxs("figure", { className: "chart", "aria-label": label, children: [_jsx("figcaption", { children: caption }), promql.length > 0 && _jsx(PromqlDisclosure, { queries: promql }), _jsx("div", { className: "chart-body", children: _jsx(ResponsiveContainer, { width: "100%", height: "100%", children: children }) })] }));
}
/**
 * The x axis of a chart over time: rows' `time`, epoch milliseconds, shown as clock times. A function
 * rather than a component, so the chart gets the XAxis element itself as a direct child.
 */
export function timeAxis() {
    return _jsx(XAxis, { dataKey: "time", type: "number", domain: ['dataMin', 'dataMax'], tickFormatter: formatClock, minTickGap: 48 });
}
