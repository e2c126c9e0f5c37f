import { jsxs as _jsxs, jsx as _jsx } from "react/jsx-runtime";
import { useDashboardPaths } from './dashboard-paths.js';
/** What a polling page shows before its first answer: that it is loading, or why the poll of `endpoint` failed. */
export function PollPlaceholder({ endpoint, error }) {
    const { api } = useDashboardPaths();
    return error ? (_jsxs("p", { role: "alert", className: "error", children: ["Cannot load ", api, "/", endpoint, ": ", error.message] })) : (_jsx("p", { role: "status", className: "muted", children: "Loading metrics\u2026" }));
}
