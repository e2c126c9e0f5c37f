import { expect, test } from '@playwright/test';
import { requestCount, scrape } from './metrics-text';

// meterboard reads the route template from Next's internal request meta
// (lib/record/route-template.ts). If a Next upgrade moves it, these fail loudly.
const CASES: Array<{ method: 'GET' | 'POST'; path: string; route: string | undefined }> = [
  { method: 'GET', path: '/orders', route: '/orders' },
  { method: 'GET', path: '/orders/1002', route: '/orders/[id]' },
  { method: 'GET', path: '/orders/new', route: '/orders/new' },
  { method: 'GET', path: '/api/orders', route: '/api/orders' },
  { method: 'GET', path: '/api/orders/1003', route: '/api/orders/[id]' },
  { method: 'GET', path: '/api/orders/report?format=summary', route: '/api/orders/report' },
  { method: 'POST', path: '/api/orders/1001/ship', route: '/api/orders/[id]/ship' },
  { method: 'GET', path: '/no-such-route/42', route: undefined },
];

for (const { method, path, route } of CASES) {
  test(`${method} ${path} is measured as ${route ?? 'unmatched'}`, async ({ request }) => {
    const before = await scrape(request);
    await request.fetch(path, { method });
    await expect
      .poll(async () => requestCount(await scrape(request), { method, route }) - requestCount(before, { method, route }))
      .toBe(1);
  });
}
