import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { useEffect, useRef, useState } from 'react';
/** Milliseconds the copy button reports its result for. */
const COPY_FEEDBACK_MS = 2_000;
/** The PromQL that charts the same numbers in Prometheus or Grafana, folded away, with a copy button. */
export function PromqlDisclosure({ queries }) {
    const [feedback, setFeedback] = useState();
    const code = useRef(null);
    const timer = useRef(undefined);
    useEffect(() => () => clearTimeout(timer.current), []);
    const text = queries.join('\n');
    const copy = async () => {
        // The Clipboard API exists only in secure contexts (https, localhost): elsewhere the text is selected for a manual copy.
        const copied = await navigator.clipboard?.writeText(text).then(() => true, () => false);
        if (!copied && code.current)
            window.getSelection()?.selectAllChildren(code.current);
        setFeedback(copied ? 'Copied' : 'Selected: press Ctrl+C');
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setFeedback(undefined), COPY_FEEDBACK_MS);
    };
    return (_jsxs("details", { className: "promql", children: [_jsx("summary", { children: "PromQL" }), _jsx("pre", { children: _jsx("code", { ref: code, children: text }) }), _jsx("button", { type: "button", onClick: copy, children: feedback ?? 'Copy PromQL' })] }));
}
