import { useEffect, useRef, useState } from 'react';

/** Milliseconds the copy button reports its result for. */
const COPY_FEEDBACK_MS = 2_000;

/** The PromQL that charts the same numbers in Prometheus or Grafana, folded away, with a copy button. */
export function PromqlDisclosure({ queries }: { queries: readonly string[] }) {
  const [feedback, setFeedback] = useState<'Copied' | 'Selected: press Ctrl+C' | undefined>();
  const code = useRef<HTMLElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const text = queries.join('\n');

  const copy = async () => {
    // The Clipboard API exists only in secure contexts (https, localhost): elsewhere the text is selected for a manual copy.
    const copied = await navigator.clipboard?.writeText(text).then(
      () => true,
      () => false,
    );
    if (!copied && code.current) window.getSelection()?.selectAllChildren(code.current);
    setFeedback(copied ? 'Copied' : 'Selected: press Ctrl+C');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFeedback(undefined), COPY_FEEDBACK_MS);
  };
  return (
    <details className="promql">
      <summary>PromQL</summary>
      <pre>
        <code ref={code}>{text}</code>
      </pre>
      <button type="button" onClick={copy}>
        {feedback ?? 'Copy PromQL'}
      </button>
    </details>
  );
}
