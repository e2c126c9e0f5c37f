import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { EVENT_LOOP_DELAY_RESOLUTION_MS } from '../record/runtime-instruments.js';
import { formatBytes, formatRatioAsPercent, formatSeconds } from './format.js';
/** Node.js runtime health of the server process over the last sampling interval. */
export function RuntimePanel({ runtime }) {
    const tiles = runtime
        ? [
            {
                label: 'Event loop delay',
                value: formatSeconds(beyondTimer(runtime.eventLoopDelayP99Seconds)),
                detail: `p99 · p50 ${formatSeconds(beyondTimer(runtime.eventLoopDelayP50Seconds))}, beyond the ${EVENT_LOOP_DELAY_RESOLUTION_MS} ms sampling timer`,
            },
            { label: 'Event loop utilization', value: formatRatioAsPercent(runtime.eventLoopUtilization), detail: 'time the loop was busy' },
            { label: 'CPU', value: formatRatioAsPercent(runtime.cpuUtilization), detail: 'of one core, user + system' },
            { label: 'Heap used', value: formatBytes(runtime.heapUsedBytes), detail: `of ${formatBytes(runtime.heapTotalBytes)} allocated` },
            { label: 'RSS', value: formatBytes(runtime.rssBytes), detail: 'resident memory' },
            {
                label: 'GC pauses',
                value: runtime.gcPausesPerSecond === null ? '–' : `${runtime.gcPausesPerSecond.toFixed(1)}/s`,
                detail: `${formatRatioAsPercent(runtime.gcPauseSecondsPerSecond)} of the time`,
            },
        ]
        : [];
    return (_jsxs("section", { "aria-labelledby": "runtime-heading", children: [_jsx("h2", { id: "runtime-heading", children: "Runtime" }), runtime === null ? (_jsx("p", { className: "muted", children: "Runtime metrics appear after the second sample (about two seconds after start)." })) : (_jsx("div", { className: "kpis runtime", children: tiles.map((tile) => (_jsxs("div", { className: "kpi", role: "group", "aria-label": tile.label, children: [_jsx("div", { className: "kpi-label", children: tile.label }), _jsx("div", { className: "kpi-value", children: tile.value }), _jsx("div", { className: "kpi-detail", children: tile.detail })] }, tile.label))) }))] }));
}
// nodejs.eventloop.delay.* include the sampling timer's own interval (runtime-instruments.ts): an
// idle loop reads 10 ms. The panel shows only what exceeds it, the delay a request would feel.
function beyondTimer(seconds) {
    return seconds === null ? null : Math.max(0, seconds - EVENT_LOOP_DELAY_RESOLUTION_MS / 1000);
}
