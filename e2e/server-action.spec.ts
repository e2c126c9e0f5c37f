import { expect, test } from '@playwright/test';
import type { Stats } from 'meterboard';
import { requestCount, scrape, sumOf } from './metrics-text';
import { createOrder } from './new-order';

test("a server action's custom meter appears in /metrics, /meterboard/api/stats and on the dashboard", async ({ page, request }) => {
  const before = await scrape(request);

  await createOrder(page, async (form) => {
    await form.getByLabel('Item').fill('E2E grinder');
    await form.getByLabel('Quantity').fill('3');
    await form.getByLabel('Unit price (USD)').fill('20');
  });
  await expect(page.getByText('60.00 USD')).toBeVisible();

  // Recorded when the response closes, which may be just after the browser has all of it.
  const posts = { method: 'POST', route: '/orders/new' };
  await expect.poll(async () => requestCount(await scrape(request), posts) - requestCount(before, posts)).toBe(1);
  const after = await scrape(request);
  const delta = (name: string) => sumOf(after, name, { order_channel: 'web' }) - sumOf(before, name, { order_channel: 'web' });
  expect(delta('orders_created_total')).toBe(1);
  expect(delta('orders_value_USD_count')).toBe(1);
  expect(delta('orders_value_USD_sum')).toBe(60);
  // The action itself is measured as the POST to its page's route.

  await expect
    .poll(async () => {
      const stats = (await (await request.get('/meterboard/api/stats')).json()) as Stats;
      const created = stats.instruments.find((instrument) => instrument.meter === 'orders' && instrument.name === 'orders.created');
      return created && { meter: created.meter, kind: created.kind, value: created.points.map((point) => ('value' in point ? point.value : 0)).reduce((a, b) => a + b, 0) };
    })
    .toEqual({ meter: 'orders', kind: 'counter', value: sumOf(after, 'orders_created_total', { otel_scope_name: 'orders' }) });

  await page.goto('/meterboard');
  const custom = page.getByRole('table', { name: 'Custom metrics' });
  // The form's meter; the JSON API's meter (orders-api) has an orders.created of its own.
  await expect(custom.getByRole('row').filter({ has: page.getByRole('cell', { name: 'orders', exact: true }) }).getByRole('rowheader', { name: /^orders\.created/ })).toBeVisible();
  await expect(custom.getByRole('rowheader', { name: /^orders\.value/ })).toBeVisible();
});
