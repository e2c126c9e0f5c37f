import { expect, test } from '@playwright/test';
import type { Stats } from 'meterboard';
import { collectConsoleErrors } from './console-errors';
import { OwnServer } from './own-server';
import { RESTART_PORT } from './ports';

const server = new OwnServer(RESTART_PORT, { METRICS_PUBLIC: 'true' });

test.afterAll(async () => {
  await server.stop();
});

async function send(count: number): Promise<void> {
  for (let i = 0; i < count; i++) expect((await fetch(`${server.url}/api/orders`)).status).toBe(200);
}

test('the dashboard keeps working across a server restart: unreachable while down, the new process after', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page);
  await server.start();
  await send(9);
  await page.goto(`${server.url}/meterboard?window=1m`);
  const requestsTile = page.getByRole('group', { name: 'Requests / s' });
  await expect(requestsTile.locator('.kpi-detail')).toHaveText('9 in window');
  const instanceBefore = ((await (await fetch(`${server.url}/meterboard/api/stats`)).json()) as Stats).service.instanceId;

  await server.stop();
  await expect(page.getByRole('status').filter({ hasText: 'Server unreachable' })).toBeVisible();
  // The last numbers stay on screen while the server is down.
  await expect(requestsTile.locator('.kpi-detail')).toHaveText('9 in window');

  await server.start();
  await send(4);
  // Same page, no reload: the new process's history replaces the old one instead of being merged.
  await expect(requestsTile.locator('.kpi-detail')).toHaveText('4 in window');
  await expect(page.getByRole('status').filter({ hasText: /^Live/ })).toBeVisible();
  const stats = (await (await fetch(`${server.url}/meterboard/api/stats?window=1m`)).json()) as Stats;
  expect(stats.service.instanceId).not.toBe(instanceBefore);
  expect(stats.totals.requestsSinceStart).toBe(4);
  for (const point of stats.points) {
    for (const rate of Object.values(point.requestsPerSecond)) expect(rate).toBeGreaterThanOrEqual(0);
  }
  // The browser logs the failed polls while the server is down; nothing else may fail.
  expect(errors.filter((error) => !/Failed to load resource|ERR_CONNECTION_REFUSED|Failed to fetch/.test(error))).toEqual([]);
});
