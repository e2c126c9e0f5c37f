'use client';

import { useState } from 'react';
import { DEMO_REQUEST_COUNT, sendDemoTraffic } from './demo-traffic';

/** What the dashboard shows before the app has served any measured request. */
export function EmptyState() {
  const [sent, setSent] = useState<number | null>(null);
  const sending = sent !== null && sent < DEMO_REQUEST_COUNT;
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
      <button type="button" onClick={() => void sendDemoTraffic(setSent)} disabled={sending}>
        {sending ? `Sending… ${sent}/${DEMO_REQUEST_COUNT}` : 'Send demo traffic'}
      </button>
      {sent !== null && (
        <p role="status" className="muted">
          {sending ? `${sent} of ${DEMO_REQUEST_COUNT} requests sent` : `Sent ${DEMO_REQUEST_COUNT} requests; charts update within a second.`}
        </p>
      )}
    </section>
  );
}
