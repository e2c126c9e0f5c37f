import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { ConfigError, readAccessConfig } from '../config.js';
import { SignInForm } from '../access/sign-in-form.js';
import { METRICS_PATH } from '../paths.js';
import { BASE_PATH } from '../base-path.js';
/** Shown instead of a dashboard page to a browser without the token in METRICS_AUTH_TOKEN. */
export function SignInPanel() {
    return (_jsxs("section", { "aria-labelledby": "sign-in-heading", children: [_jsx("h1", { id: "sign-in-heading", children: "Sign in to meterboard" }), _jsxs("p", { children: ["This server requires the token set in ", _jsx("code", { children: "METRICS_AUTH_TOKEN" }), ". Enter it once; this browser keeps a signed session cookie, not the token."] }), _jsx(SignInForm, {})] }));
}
/**
 * Shown instead of a dashboard page while access is not configured (the dashboard is private under
 * `next start` until it is) or an access variable is malformed (closed to everyone).
 */
export function ClosedPanel() {
    const config = readAccessConfig();
    if (config instanceof ConfigError) {
        return (_jsxs("section", { className: "warning", "aria-labelledby": "closed-heading", children: [_jsx("h1", { id: "closed-heading", children: "The dashboard is closed" }), _jsx("p", { role: "alert", children: config.message }), _jsx("p", { children: "Fix it in the server's environment and restart the server." })] }));
    }
    return (_jsxs("section", { className: "empty", "aria-labelledby": "closed-heading", children: [_jsx("h1", { id: "closed-heading", children: "The dashboard is private" }), _jsxs("p", { children: ["Under ", _jsx("code", { children: "next start" }), " meterboard does not show this app's traffic to anyone until you say who may see it. Set one of these in the server's environment and restart it:"] }), _jsxs("ul", { children: [_jsxs("li", { children: [_jsx("code", { children: "METRICS_AUTH_TOKEN=<token>" }), " to require a token (e.g. ", _jsx("code", { children: "openssl rand -hex 32" }), "), sent as", ' ', _jsx("code", { children: "Authorization: Bearer <token>" }), " or entered here;"] }), _jsxs("li", { children: [_jsx("code", { children: "METRICS_PUBLIC=true" }), " to show the dashboard and its JSON endpoints to anyone who can reach this server."] })] }), _jsxs("p", { children: [_jsx("a", { href: `${BASE_PATH}${METRICS_PATH}`, children: METRICS_PATH }), " stays open for Prometheus unless a token is set."] })] }));
}
