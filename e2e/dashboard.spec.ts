import { expect, test } from '@playwright/test';
import type { Stats } from 'meterboard';
import { collectConsoleErrors } from './console-errors';

test('the dashboard shows the requests this test sent, live', async ({ page, request }) => {
  const errors = collectConsoleErrors(page);
  await page.goto('/meterboard');
  await expect(page.getByRole('heading', { level: 1, name: 'meterboard-e2e' })).toBeVisible();

  // DELETE /api/orders answers 405: a (method, route) row that only this test adds to.
  const rowOf = (stats: Stats) => stats.routes.find((route) => route.method === 'DELETE' && route.route === '/api/orders');
  const before = rowOf((await (await request.get('/meterboard/api/stats')).json()) as Stats)?.requests ?? 0;
  const sent = 7;
  for (let i = 0; i < sent; i++) expect((await request.delete('/api/orders')).status()).toBe(405);

  const routes = page.getByRole('table', { name: 'Routes' });
  const row = routes.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '/api/orders', exact: true }) }).filter({ hasText: 'DELETE' });
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(before + sent));
  await expect(row.getByRole('cell').nth(3)).toHaveText('0 %');

  // The same numbers as /meterboard/api/stats.
  const stats = (await (await request.get('/meterboard/api/stats')).json()) as Stats;
  expect(rowOf(stats)?.requests).toBe(before + sent);
  expect(rowOf(stats)?.statusCodes).toEqual({ '405': before + sent });

  await expect(page.getByRole('figure', { name: 'Request rate by status class' }).locator('.recharts-area')).toHaveCount(4);
  await expect(page.getByRole('figure', { name: 'Latency percentiles' }).locator('.recharts-line')).toHaveCount(3);
  await expect(page.getByRole('group', { name: 'In flight' }).locator('.kpi-value')).toHaveText('0');
  expect(errors).toEqual([]);
});

test('the routes table sorts by a column and says so', async ({ page, request }) => {
  await request.get('/api/orders/report');
  await request.get('/api/orders');
  await page.goto('/meterboard');
  const routes = page.getByRole('table', { name: 'Routes' });
  await expect(routes.getByRole('rowheader').first()).toBeVisible();

  const p99Header = routes.getByRole('columnheader', { name: 'p99' });
  await expect(p99Header).toHaveAttribute('aria-sort', 'none');
  await p99Header.getByRole('button').click();
  await expect(p99Header).toHaveAttribute('aria-sort', 'descending');
  // The deliberately slow report (150-450 ms) is the slowest route.
  await expect(routes.getByRole('rowheader').first()).toHaveText('/api/orders/report');

  await p99Header.getByRole('button').click();
  await expect(p99Header).toHaveAttribute('aria-sort', 'ascending');
  await expect(routes.getByRole('rowheader').first()).not.toHaveText('/api/orders/report');
});
