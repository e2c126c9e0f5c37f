'use client';

import { useState } from 'react';
import { DEMO_REQUEST_COUNT, sendDemoTraffic } from './demo-traffic';

/**
 * What the dashboard shows before the app has served any measured request. `onSendingChange`
 * lets the dashboard keep it on screen while its demo traffic is on the way, so the progress
 * does not vanish as soon as the first requests are counted.
 */
export function EmptyState({ onSendingChange }: { onSendingChange: (sending: boolean) => void }) {
  const [sent, setSent] = useState<number | null>(null);
  const sending = sent !== null && sent < DEMO_REQUEST_COUNT;

  async function send() {
    setSent(0);
    onSendingChange(true);
    try {
      await sendDemoTraffic(setSent);
    } finally {
      onSendingChange(false);
    }
  }

  return (
    <section className="empty" aria-labelledby="empty-heading">
      <h2 id="empty-heading">No traffic yet</h2>
      <p>
        This dashboard shows the requests this app serves. None has been measured since the server started (the dashboard
        and its own endpoints are not counted).
      </p>
      <p>
        Browse the <a href="/orders">demo orders</a>, run <code>npm run traffic</code> in another terminal, or:
      </p>
      <button type="button" onClick={() => void send()} disabled={sending}>
        {sending ? 'Sending demo traffic…' : 'Send demo traffic'}
      </button>
      {sent !== null && (
        <p role="status" className="muted">
          <progress max={DEMO_REQUEST_COUNT} value={sent} aria-label="Demo requests sent" /> {sent} of {DEMO_REQUEST_COUNT}{' '}
          requests sent
        </p>
      )}
    </section>
  );
}
