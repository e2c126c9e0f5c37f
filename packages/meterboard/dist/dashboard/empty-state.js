import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { BASE_PATH } from '../base-path.js';
/** What the dashboard shows before the app has served any measured request. */
export function EmptyState() {
    return (_jsxs("section", { className: "empty", "aria-labelledby": "empty-heading", children: [_jsx("h2", { id: "empty-heading", children: "No traffic yet" }), _jsx("p", { children: "This dashboard shows the requests this app serves. None has been measured since the server started (the dashboard, its own endpoints and /metrics are not counted)." }), _jsxs("p", { children: ["Open a page of the app, for example ", _jsx("a", { href: `${BASE_PATH}/`, children: "its home page" }), ", and it appears here within a second."] })] }));
}
