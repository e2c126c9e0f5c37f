// Traffic the "Send demo traffic" button sends from the browser: every demo route, some 404s and
// the sometimes-failing shipment, so every chart and table column has something to show.

/** Requests the button sends. */
export const DEMO_REQUEST_COUNT = 60;

/** Requests in flight at once. */
const CONCURRENCY = 4;

/** One request of the demo mix for the n-th position. */
export function demoRequest(n: number): { method: 'GET' | 'POST'; path: string } {
  // Cycles through the seeded orders 1001..1003, a different one on each round of the mix.
  const id = 1001 + (Math.floor(n / 6) % 3);
  switch (n % 6) {
    case 0:
      return { method: 'GET', path: '/api/orders' };
    case 1:
      return { method: 'GET', path: `/api/orders/${id}` };
    case 2:
      return { method: 'POST', path: `/api/orders/${id}/ship` };
    case 3:
      return { method: 'GET', path: `/orders/${id}` };
    case 4:
      return n % 12 === 4 ? { method: 'GET', path: '/api/orders/report' } : { method: 'GET', path: '/orders' };
    default:
      return { method: 'GET', path: `/no-such-page-${n}` };
  }
}

/** Sends DEMO_REQUEST_COUNT requests, calling onProgress with how many have completed. */
export async function sendDemoTraffic(onProgress: (done: number) => void): Promise<void> {
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < DEMO_REQUEST_COUNT) {
      const { method, path } = demoRequest(next++);
      await fetch(path, { method, cache: 'no-store' }).catch(() => undefined);
      onProgress(++done);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}
