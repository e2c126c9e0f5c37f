import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { NO_STATUS, statusClassOf } from '../query/status-codes.js';
import { toStatusCodeRows } from './chart-data.js';
import { STATUS_CLASS_COLORS } from './charts.js';
import { formatCount, formatRatioAsPercent } from './format.js';
/** A route's requests over the window by exact status code: code, count and share, with a bar for the share. */
export function StatusCodes({ statusCodes }) {
    return (_jsxs("section", { "aria-labelledby": "status-codes-heading", children: [_jsx("h2", { id: "status-codes-heading", children: "Status codes" }), _jsxs("table", { "aria-labelledby": "status-codes-heading", className: "status-codes", children: [_jsx("thead", { children: _jsxs("tr", { children: [_jsx("th", { scope: "col", children: "Status" }), _jsx("th", { scope: "col", className: "num", children: "Requests" }), _jsx("th", { scope: "col", children: "Share" })] }) }), _jsx("tbody", { children: toStatusCodeRows(statusCodes).map(({ code, count, share }) => {
                            const statusClass = statusClassOf(Number(code));
                            return (_jsxs("tr", { children: [_jsx("th", { scope: "row", children: code === NO_STATUS ? 'none (client left first)' : code }), _jsx("td", { className: "num", children: formatCount(count) }), _jsx("td", { children: _jsxs("div", { className: "share", children: [_jsx("span", { className: "share-track", "aria-hidden": "true", children: _jsx("span", { className: "share-bar", style: { width: `${share * 100}%`, background: statusClass ? STATUS_CLASS_COLORS[statusClass] : 'var(--muted)' } }) }), formatRatioAsPercent(share)] }) })] }, code));
                        }) })] })] }));
}
