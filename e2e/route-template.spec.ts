import { expect, test } from '@playwright/test';
import { requestCount, scrape, sumOf } from './metrics-text';

// meterboard reads the route template from Next's internal request meta
// (lib/record/route-template.ts). If a Next upgrade moves it, these fail loudly.
const CASES: Array<{ method: 'GET' | 'POST'; path: string; route: string | undefined; status?: number }> = [
  { method: 'GET', path: '/orders', route: '/orders' },
  { method: 'GET', path: '/orders/1002', route: '/orders/[id]' },
  // notFound() inside a matched route keeps the route's template.
  { method: 'GET', path: '/orders/99999', route: '/orders/[id]', status: 404 },
  { method: 'GET', path: '/orders/new', route: '/orders/new' },
  { method: 'GET', path: '/api/orders', route: '/api/orders' },
  { method: 'GET', path: '/api/orders/1003', route: '/api/orders/[id]' },
  { method: 'GET', path: '/api/orders/report?format=summary', route: '/api/orders/report' },
  { method: 'POST', path: '/api/orders/1001/ship', route: '/api/orders/[id]/ship' },
  { method: 'GET', path: '/no-such-route/42', route: undefined },
];

for (const { method, path, route, status } of CASES) {
  test(`${method} ${path} is measured as ${route ?? 'unmatched'}`, async ({ request }) => {
    const before = await scrape(request);
    const response = await request.fetch(path, { method });
    if (status !== undefined) expect(response.status()).toBe(status);
    await expect
      .poll(async () => requestCount(await scrape(request), { method, route, status }) - requestCount(before, { method, route, status }))
      .toBe(1);
  });
}

test('withRouteMetrics adds its attribute to the measurement', async ({ request }) => {
  const detailed = { report_format: 'detailed', http_route: '/api/orders/report' };
  const before = sumOf(await scrape(request), 'http_server_request_duration_seconds_count', detailed);
  await request.get('/api/orders/report?format=detailed');
  await request.get('/api/orders/report?format=<script>');
  await expect.poll(async () => sumOf(await scrape(request), 'http_server_request_duration_seconds_count', detailed) - before).toBe(1);
  expect(sumOf(await scrape(request), 'http_server_request_duration_seconds_count', { report_format: 'other' })).toBeGreaterThanOrEqual(1);
});
