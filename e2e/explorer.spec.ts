import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { InstrumentDetail, WindowName } from 'meterboard';
import { collectConsoleErrors } from './console-errors';
import { createOrder } from './new-order';

// Other specs record the same instruments on this server, so every count is compared with what the
// 1 h window held before this test's own recordings: nothing leaves that window while the suite runs.
const BASELINE_WINDOW: WindowName = '1h';

async function instrumentDetail(request: APIRequestContext, query: Record<string, string>): Promise<InstrumentDetail> {
  const response = await request.get(`/meterboard/api/stats/instrument?${new URLSearchParams({ window: BASELINE_WINDOW, ...query })}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as InstrumentDetail;
}

function groupValue(detail: InstrumentDetail, label: string): number {
  return detail.groups.find((group) => group.label === label)?.value ?? 0;
}

async function createKettleOrder(page: Page, quantity: number, unitPrice: number): Promise<void> {
  await createOrder(page, async (form) => {
    await form.getByLabel('Item').fill('Explorer kettle');
    await form.getByLabel('Quantity').fill(String(quantity));
    await form.getByLabel('Unit price (USD)').fill(String(unitPrice));
  });
}

/** The cell of `column` in the row of `group` of the explorer's breakdown table. */
function cellOf(page: Page, table: string, group: string, column: number) {
  return page
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: group, exact: true }) })
    .getByRole('cell')
    .nth(column);
}

test("a server action's custom meter appears in the explorer, charted as its kind, with the recordings this test made", async ({ page, request }) => {
  const errors = collectConsoleErrors(page);
  const created = await instrumentDetail(request, { meter: 'orders', name: 'orders.created', groupBy: 'order.channel' });
  const value = await instrumentDetail(request, { meter: 'orders', name: 'orders.value' });
  await createKettleOrder(page, 3, 20);
  await createKettleOrder(page, 1, 15);

  await page.goto(`/meterboard/explorer?window=${BASELINE_WINDOW}`);
  await expect(page.getByRole('heading', { name: 'Pick an instrument' })).toBeVisible();
  const orders = page.getByRole('navigation', { name: 'Instruments' }).getByRole('region', { name: 'Meter orders' });
  await orders.getByRole('link', { name: 'orders.created', exact: true }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('meter') === 'orders' && url.searchParams.get('name') === 'orders.created');
  await expect(page.getByRole('heading', { level: 2, name: 'orders.created' })).toBeVisible();

  // A counter: charted as a rate, broken down by the attribute picked (kept in the URL).
  await page.getByLabel('Break down by').selectOption('order.channel');
  await expect(page).toHaveURL((url) => url.searchParams.get('groupBy') === 'order.channel');
  // Columns: series, increase, per second.
  await expect(cellOf(page, 'By order.channel', 'web', 1)).toHaveText(`${groupValue(created, 'web') + 2} order`);
  await expect(page.getByRole('figure', { name: 'Rate' }).locator('.recharts-line')).toHaveCount(1);

  // A histogram: percentiles, recordings per second and the distribution over its explicit buckets.
  await orders.getByRole('link', { name: 'orders.value', exact: true }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('name') === 'orders.value' && !url.searchParams.has('groupBy'));
  // Columns: series, recordings, per second, mean, p50, p90, p99.
  await expect(cellOf(page, 'All series', 'all', 1)).toHaveText(String(groupValue(value, 'all') + 2));
  await expect(page.getByRole('figure', { name: 'Percentiles' }).locator('.recharts-line')).toHaveCount(3);
  await expect(page.getByRole('figure', { name: 'Distribution' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  const after = await instrumentDetail(request, { meter: 'orders', name: 'orders.value' });
  expect(after.groups[0].sum! - (value.groups[0]?.sum ?? 0)).toBe(75);
  expect(errors).toEqual([]);
});

test("meterboard's own HTTP metric, filtered to one route and broken down by status code", async ({ page, request }) => {
  const query = {
    meter: 'meterboard',
    name: 'http.server.request.duration',
    groupBy: 'http.response.status_code',
    filter: 'http.route=/api/orders/[id]',
  };
  const before = await instrumentDetail(request, query);
  for (const id of ['1001', '1002', '1003']) expect((await request.get(`/api/orders/${id}`)).status()).toBe(200);
  for (const id of ['880001', '880002']) expect((await request.get(`/api/orders/${id}`)).status()).toBe(404);
  // A neighbour that the filter must leave out.
  expect((await request.get('/api/orders')).status()).toBe(200);

  await page.goto(`/meterboard/explorer?window=${BASELINE_WINDOW}&meter=meterboard&name=http.server.request.duration`);
  await page.getByLabel('Filter').selectOption('http.route=/api/orders/[id]');
  await expect(page).toHaveURL((url) => url.searchParams.get('filter') === 'http.route=/api/orders/[id]');
  await page.getByLabel('Break down by').selectOption('http.response.status_code');
  await expect(page).toHaveURL((url) => url.searchParams.get('groupBy') === 'http.response.status_code');

  const table = 'By http.response.status_code';
  await expect(cellOf(page, table, '200', 1)).toHaveText(String(groupValue(before, '200') + 3));
  await expect(cellOf(page, table, '404', 1)).toHaveText(String(groupValue(before, '404') + 2));
  await expect(page.getByRole('figure', { name: 'Recordings per second' })).toBeVisible();

  // The address is the view: a reload shows the same breakdown.
  await page.reload();
  await expect(page.getByLabel('Break down by')).toHaveValue('http.response.status_code');
  await expect(cellOf(page, table, '404', 1)).toHaveText(String(groupValue(before, '404') + 2));
});

test('an instrument no meter has is explained, not an error', async ({ page }) => {
  await page.goto('/meterboard/explorer?meter=orders&name=orders.refunded');
  await expect(page.getByRole('heading', { name: 'No instrument orders.refunded in meter orders' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Instruments' }).getByRole('link', { name: 'http.server.request.duration' })).toBeVisible();
});

test.describe('GET /meterboard/api/stats/instrument answers 400 naming a bad parameter', () => {
  for (const [query, parameter] of [
    ['meter=orders', '"name"'],
    ['filter=region', '"filter"'],
    ['groupBy=', '"groupBy"'],
    ['window=2m', '"window"'],
  ] as const) {
    test(query, async ({ request }) => {
      const response = await request.get(`/meterboard/api/stats/instrument?${query}`);
      expect(response.status()).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toContain(parameter);
    });
  }
});
