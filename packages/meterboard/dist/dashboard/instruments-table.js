import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import Link from 'next/link.js';
import { formatCount } from './format.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { explorerHref } from './links.js';
import { meterLabel } from './meter-label.js';
/** Every instrument the app created with @opentelemetry/api, with its values per attribute set; each links to the explorer. */
export function InstrumentsTable({ instruments, window }) {
    const { page } = useDashboardPaths();
    return (_jsxs("section", { "aria-labelledby": "instruments-heading", children: [_jsx("h2", { id: "instruments-heading", children: "Custom metrics" }), _jsxs("p", { className: "muted", children: ["Current values since start. ", _jsx(Link, { href: explorerHref(page, window), prefetch: false, children: "Explore every metric" }), ", with charts and breakdowns by attribute."] }), instruments.length === 0 ? (_jsxs("p", { className: "muted", children: ["No custom instruments yet. Any meter created with ", _jsx("code", { children: "metrics.getMeter()" }), " shows up here once it records, for example ", _jsx("code", { children: "metrics.getMeter('shop').createCounter('orders.created').add(1)" }), " in a server action."] })) : (_jsxs("table", { "aria-labelledby": "instruments-heading", children: [_jsx("thead", { children: _jsxs("tr", { children: [_jsx("th", { scope: "col", children: "Instrument" }), _jsx("th", { scope: "col", children: "Meter" }), _jsx("th", { scope: "col", children: "Kind" }), _jsx("th", { scope: "col", children: "Attributes" }), _jsx("th", { scope: "col", className: "num", children: "Value" })] }) }), _jsx("tbody", { children: instruments.flatMap((instrument) => instrument.points.length === 0
                            ? []
                            : instrument.points.map((point, index) => (_jsxs("tr", { children: [_jsxs("th", { scope: "row", title: instrument.description, children: [_jsx(Link, { href: explorerHref(page, window, instrument), prefetch: false, children: instrument.name }), instrument.unit && _jsxs("span", { className: "muted", children: [" (", instrument.unit, ")"] })] }), _jsx("td", { children: meterLabel(instrument) }), _jsx("td", { children: instrument.kind }), _jsx("td", { children: formatAttributes(point.attributes) }), _jsx("td", { className: "num", children: 'value' in point
                                            ? formatCount(point.value)
                                            : `${formatCount(point.count)} recorded, sum ${formatCount(point.sum)}` })] }, `${instrument.meter} ${instrument.name} ${index}`)))) })] }))] }));
}
function formatAttributes(attributes) {
    const entries = Object.entries(attributes);
    return entries.length === 0 ? '—' : entries.map(([key, value]) => `${key}=${String(value)}`).join(', ');
}
