'use client';

import { useState } from 'react';
import { DEMO_REQUEST_COUNT, sendDemoTraffic } from './demo-traffic';

/** A button that sends the demo mix of requests from the browser, with its progress. */
export function SendDemoTraffic() {
  const [sent, setSent] = useState<number | null>(null);
  const sending = sent !== null && sent < DEMO_REQUEST_COUNT;
  return (
    <>
      <button type="button" onClick={() => void sendDemoTraffic(setSent)} disabled={sending}>
        {sending ? 'Sending demo traffic…' : 'Send demo traffic'}
      </button>
      {sent !== null && (
        <p role="status" className="muted">
          <progress max={DEMO_REQUEST_COUNT} value={sent} aria-label="Demo requests sent" /> {sent} of {DEMO_REQUEST_COUNT} requests sent
          {sent === DEMO_REQUEST_COUNT && (
            <>
              : see them on the <a href="/meterboard">dashboard</a>
            </>
          )}
        </p>
      )}
    </>
  );
}
