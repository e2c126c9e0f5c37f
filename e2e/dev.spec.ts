import { expect, test } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';
import { requestCount, scrape } from './metrics-text';

test('under next dev the dashboard renders without console errors and requests are measured', async ({ page, request }) => {
  const errors = collectConsoleErrors(page);
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Uptime' })).toBeVisible({ timeout: 60_000 });

  const before = await scrape(request);
  expect((await request.get('/api/orders/1001', { timeout: 60_000 })).status()).toBe(200);
  await expect
    .poll(async () => requestCount(await scrape(request), { method: 'GET', route: '/api/orders/[id]' }) - requestCount(before, { method: 'GET', route: '/api/orders/[id]' }))
    .toBe(1);

  await expect(page.getByRole('table', { name: 'Routes' }).getByRole('rowheader', { name: '/api/orders/[id]' })).toBeVisible();
  expect(errors).toEqual([]);
});
