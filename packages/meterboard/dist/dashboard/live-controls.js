'use client';
import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { WINDOWS } from '../query/windows.js';
import { formatClock } from './format.js';
/** Window picker, pause/resume and the freshness of what is shown. */
export function LiveControls({ window, onWindowChange, paused, onPausedChange, updatedAt, error }) {
    return (_jsxs("div", { className: "live-controls", children: [_jsxs("fieldset", { className: "segmented", children: [_jsx("legend", { className: "visually-hidden", children: "Window" }), WINDOWS.map(({ name }) => (_jsxs("label", { children: [_jsx("input", { type: "radio", name: "window", value: name, checked: window === name, onChange: () => onWindowChange(name) }), _jsx("span", { children: name })] }, name)))] }), _jsx("button", { type: "button", "aria-pressed": paused, onClick: () => onPausedChange(!paused), children: paused ? 'Resume' : 'Pause' }), _jsxs("p", { role: "status", className: error && !paused ? 'live-status error' : 'live-status muted', children: [_jsx("span", { className: `live-dot ${paused ? 'paused' : error ? 'down' : 'live'}`, "aria-hidden": "true" }), statusText(paused, updatedAt, error)] })] }));
}
function statusText(paused, updatedAt, error) {
    const last = updatedAt === undefined ? 'nothing received yet' : `last update ${formatClock(updatedAt)}`;
    if (paused)
        return `Paused · ${last}`;
    if (error)
        return `Server unreachable (${error.message}) · ${last}`;
    return `Live · ${last}`;
}
