import { jsxs as _jsxs, jsx as _jsx, Fragment as _Fragment } from "react/jsx-runtime";
import { BASE_PATH } from '../base-path.js';
import { formatCount } from './format.js';
import { trafficHint } from './traffic-hint.js';
/** What a route's page shows when the route had no requests in the window: that, and how to send it some. */
export function RouteEmptyState({ route, window }) {
    const hint = trafficHint(route.method, route.route);
    return (_jsxs("section", { className: "empty", "aria-labelledby": "route-empty-heading", children: [_jsxs("h2", { id: "route-empty-heading", children: ["No requests in the last ", window] }), _jsx("p", { children: route.requestsSinceStart > 0
                    ? `This route was requested ${formatCount(route.requestsSinceStart)} times since the server started, but not within the window: pick a longer one, or send it a request.`
                    : 'This route has not been requested since the server started (or the app has no such route). Its numbers appear here as soon as it is.' }), _jsxs("p", { children: [hint.kind === 'link' && (_jsxs(_Fragment, { children: ["Open ", _jsx("a", { href: `${BASE_PATH}${hint.href}`, children: hint.href })] })), hint.kind === 'request' && (_jsxs(_Fragment, { children: ["Send ", _jsx("code", { children: `${hint.method} ${hint.path}` }), hint.parameters.length > 0 && _jsxs(_Fragment, { children: [" with ", hint.parameters.map((name) => `[${name}]`).join(', '), " filled in"] })] })), hint.kind === 'unmatched' && (_jsxs(_Fragment, { children: ["Requests to paths the app has no route for land here: open ", _jsx("a", { href: `${BASE_PATH}${hint.example}`, children: hint.example })] })), "."] })] }));
}
