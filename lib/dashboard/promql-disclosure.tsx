import { useState } from 'react';

/** Milliseconds the copy button says "Copied" for. */
const COPIED_FEEDBACK_MS = 2_000;

/** The PromQL that draws the same chart in Prometheus or Grafana, folded away, with a copy button. */
export function PromqlDisclosure({ queries }: { queries: readonly string[] }) {
  const [copied, setCopied] = useState(false);
  const text = queries.join('\n');
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), COPIED_FEEDBACK_MS);
  };
  return (
    <details className="promql">
      <summary>PromQL</summary>
      <pre>
        <code>{text}</code>
      </pre>
      <button type="button" onClick={copy}>
        {copied ? 'Copied' : 'Copy PromQL'}
      </button>
    </details>
  );
}
