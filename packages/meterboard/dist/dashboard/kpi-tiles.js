import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { formatCount, formatRate, formatRatioAsPercent, formatSeconds, formatUptimeSeconds } from './format.js';
/** A row of headline numbers, each a group named by its label. */
export function KpiList({ label, tiles }) {
    return (_jsx("section", { "aria-label": label, className: "kpis", children: tiles.map((tile) => (_jsxs("div", { className: tile.alert ? 'kpi kpi-alert' : 'kpi', role: "group", "aria-label": tile.label, children: [_jsx("div", { className: "kpi-label", children: tile.label }), _jsx("div", { className: "kpi-value", children: tile.value }), _jsx("div", { className: "kpi-detail", children: tile.detail })] }, tile.label))) }));
}
/** The headline numbers over the window. */
export function KpiTiles({ stats }) {
    const { totals } = stats;
    const tiles = [
        { label: 'Requests / s', value: formatRate(totals.requestsPerSecond), detail: `${formatCount(totals.requests)} in window` },
        {
            label: 'Error rate',
            value: formatRatioAsPercent(totals.errorRate),
            detail: '5xx and aborted',
            alert: (totals.errorRate ?? 0) > 0,
        },
        { label: 'p95 latency', value: formatSeconds(totals.durationSeconds.p95), detail: `p50 ${formatSeconds(totals.durationSeconds.p50)}` },
        { label: 'In flight', value: formatCount(totals.inFlight), detail: 'requests being served' },
        // A fleet has no one uptime: from Prometheus, how many instances answer instead.
        stats.instances
            ? {
                label: 'Instances',
                value: `${stats.instances.filter((instance) => instance.up).length} / ${stats.instances.length} up`,
                detail: `${formatCount(totals.requestsSinceStart)} requests since they started`,
            }
            : { label: 'Uptime', value: formatUptimeSeconds(stats.uptimeSeconds), detail: `${formatCount(totals.requestsSinceStart)} requests since start` },
    ];
    return _jsx(KpiList, { label: "Key figures", tiles: tiles });
}
/** The headline numbers of one route over the window. */
export function RouteKpiTiles({ route }) {
    const { p50, p90, p95, p99 } = route.durationSeconds;
    const tiles = [
        { label: 'Requests / s', value: formatRate(route.requestsPerSecond), detail: 'average over the window' },
        { label: 'Error rate', value: formatRatioAsPercent(route.errorRate), detail: '5xx and aborted', alert: (route.errorRate ?? 0) > 0 },
        { label: 'p50 latency', value: formatSeconds(p50), detail: `p90 ${formatSeconds(p90)}` },
        { label: 'p99 latency', value: formatSeconds(p99), detail: `p95 ${formatSeconds(p95)}` },
        { label: 'Requests', value: formatCount(route.requests), detail: `in window · ${formatCount(route.requestsSinceStart)} since start` },
    ];
    return _jsx(KpiList, { label: "Key figures", tiles: tiles });
}
