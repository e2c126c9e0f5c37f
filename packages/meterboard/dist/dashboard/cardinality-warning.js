import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import Link from 'next/link.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { explorerHref } from './links.js';
import { meterKey, meterLabel } from './meter-label.js';
/** A visible warning for every instrument past its cardinality limit, each linked to the explorer; nothing when none is. */
export function CardinalityWarning({ instruments, window }) {
    const { page } = useDashboardPaths();
    if (instruments.length === 0)
        return null;
    return (_jsxs("section", { role: "alert", "aria-labelledby": "cardinality-heading", className: "warning", children: [_jsx("h2", { id: "cardinality-heading", children: "Cardinality limit reached" }), _jsxs("p", { children: ["New attribute sets of these instruments add up in one ", _jsx("code", { children: "otel.metric.overflow=true" }), " series, so their breakdown is no longer complete. Look for an attribute whose values are unbounded (ids, paths, user input), or raise", ' ', _jsx("code", { children: "METRICS_CARDINALITY_LIMIT" }), "."] }), _jsx("ul", { children: instruments.map((instrument) => (_jsxs("li", { children: [_jsx(Link, { href: explorerHref(page, window, instrument), prefetch: false, children: _jsx("code", { children: instrument.name }) }), ' ', _jsxs("span", { className: "muted", children: ["(meter ", meterLabel(instrument), ")"] })] }, `${meterKey(instrument)}\n${instrument.name}`))) })] }));
}
