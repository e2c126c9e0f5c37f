import { expect, test } from '@playwright/test';
import { DEMO_REQUEST_COUNT } from '../lib/orders/demo-traffic';
import { collectConsoleErrors } from './console-errors';

// Runs against a server nobody else talks to, so "no traffic yet" is true when it starts.
test("a fresh dashboard says there is no traffic; the demo's button makes some, and exactly that is counted", async ({ page }) => {
  // The demo mix includes 404s and the sometimes-failing shipment on purpose.
  const errors = collectConsoleErrors(page, { ignoreHttpErrorResponses: true });
  await page.goto('/meterboard');
  await expect(page.getByRole('heading', { name: 'No traffic yet' })).toBeVisible();
  await page.getByRole('link', { name: 'its home page' }).click();

  // The demo's home page: measured, like any page of the app.
  await page.getByRole('button', { name: 'Send demo traffic' }).click();
  await expect(page.getByRole('progressbar', { name: 'Demo requests sent' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`${DEMO_REQUEST_COUNT} of ${DEMO_REQUEST_COUNT} requests sent`);

  // Exactly the home page and the button's requests: the dashboard, its polling and its endpoints are not counted.
  await page.getByRole('link', { name: 'dashboard' }).click();
  await expect(page.getByRole('group', { name: 'Uptime' })).toContainText(new RegExp(`(^|[^\\d,])${DEMO_REQUEST_COUNT + 1} requests since start$`));
  await expect(page.getByRole('heading', { name: 'No traffic yet' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Routes' }).getByRole('rowheader', { name: '/api/orders/[id]/ship' })).toBeVisible();

  // The home page was opened once: its latency chart has a single point, drawn as a dot per percentile.
  await page.goto('/meterboard/routes?method=GET&route=%2F&window=1m');
  const latency = page.getByRole('figure', { name: 'Latency percentiles' });
  await expect(latency.locator('.recharts-line-dot')).toHaveCount(3);
  expect(errors).toEqual([]);
});
