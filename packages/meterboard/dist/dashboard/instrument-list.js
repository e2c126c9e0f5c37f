import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import Link from 'next/link.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { explorerHref } from './links.js';
import { meterKey, meterLabel, sameInstrument } from './meter-label.js';
/** Every instrument of every meter, by meter (the API's order: the app's meters first), each a link that opens it. */
export function InstrumentList({ instruments, selected, window, }) {
    const { page } = useDashboardPaths();
    const meters = new Map();
    for (const instrument of instruments) {
        const key = meterKey(instrument);
        const list = meters.get(key) ?? [];
        list.push(instrument);
        meters.set(key, list);
    }
    return (_jsxs("nav", { "aria-label": "Instruments", className: "instrument-list", children: [instruments.length === 0 && _jsx("p", { className: "muted", children: "No meter has an instrument yet." }), [...meters].map(([key, list]) => (_jsxs("section", { "aria-label": `Meter ${meterLabel(list[0])}`, children: [_jsx("h2", { className: "meter-name", title: list[0].meterSchemaUrl, children: _jsx("code", { children: meterLabel(list[0]) }) }), _jsx("ul", { children: list.map((instrument) => {
                            const current = selected !== null && sameInstrument(selected, instrument);
                            return (_jsxs("li", { children: [_jsx(Link, { href: explorerHref(page, window, instrument), prefetch: false, "aria-current": current ? 'page' : undefined, title: instrument.description, children: instrument.name }), ' ', _jsx("span", { className: "muted", children: instrument.kind })] }, instrument.name));
                        }) })] }, key)))] }));
}
