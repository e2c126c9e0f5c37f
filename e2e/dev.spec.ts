import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';
import { requestCount, scrape } from './metrics-text';
import { OwnServer } from './own-server';
import { DEV_PORT } from './ports';

const server = new OwnServer(DEV_PORT, {}, undefined, 'dev');
test.beforeAll(async () => {
  // Its first answer compiles the stats endpoint, which can take a minute on a busy machine.
  test.setTimeout(180_000);
  await server.start(150_000);
});
test.afterAll(async () => server.stop());

test('under next dev the dashboard renders without console errors and requests are measured', async ({ page, request }) => {
  // next dev compiles the dashboard and then the orders route on their first requests, each up to a
  // minute on a busy machine (a fresh-clone run hit the default 60 s for the whole test in the second).
  test.setTimeout(180_000);
  const errors = collectConsoleErrors(page);
  await page.goto('/meterboard');
  await expect(page.getByRole('group', { name: 'Uptime' })).toBeVisible({ timeout: 60_000 });

  const before = await scrape(request);
  expect((await request.get('/api/orders/1001', { timeout: 60_000 })).status()).toBe(200);
  await expect
    .poll(async () => requestCount(await scrape(request), { method: 'GET', route: '/api/orders/[id]' }) - requestCount(before, { method: 'GET', route: '/api/orders/[id]' }))
    .toBe(1);

  await expect(page.getByRole('table', { name: 'Routes' }).getByRole('rowheader', { name: '/api/orders/[id]' })).toBeVisible();
  expect(errors).toEqual([]);
});

// The file the reload spec edits, as it was; put back after the spec whatever happens to it.
const EDITED_FILE = 'app/api/orders/route.ts';
const ORIGINAL = readFileSync(EDITED_FILE, 'utf8');
test.afterAll(() => {
  if (readFileSync(EDITED_FILE, 'utf8') !== ORIGINAL) writeFileSync(EDITED_FILE, ORIGINAL);
});

test('editing a route under next dev reloads it without a second provider, duplicate metrics or double counting', async ({ request }) => {
  test.setTimeout(240_000);
  const file = EDITED_FILE;
  const original = ORIGINAL;
  const edited = original.replace('Response.json({ orders: listOrders() })', "Response.json({ orders: listOrders() }, { headers: { 'X-Edited': 'yes' } })");
  expect(edited).not.toBe(original);
  const ordersRequests = async () => requestCount(await scrape(request), { method: 'GET', route: '/api/orders' });
  // Until the predicate holds; `contents`, when given, is written again every 20 responses, each
  // time with a different last line: a watcher that missed a write (seen in two full runs, never
  // alone) sees the next, where a rewrite of the same bytes may not count as a change at all.
  const responses = async (predicate: (edited: boolean) => boolean, contents?: string) => {
    // Every response the test receives counts, the ones that waited for the reload too. A reload
    // recompiles the route, which took over 30 s in two full runs on a busy machine: the bound is generous.
    let received = 0;
    await expect
      .poll(async () => {
        if (contents !== undefined && received > 0 && received % 20 === 0) writeFileSync(file, `${contents}\n// written again after ${received} responses\n`);
        const response = await request.get('/api/orders', { timeout: 30_000 });
        received++;
        return predicate(response.headers()['x-edited'] === 'yes');
      }, { timeout: 90_000 })
      .toBe(true);
    return received;
  };

  await responses((isEdited) => !isEdited);
  await expect.poll(ordersRequests).toBeGreaterThan(0);
  const before = await ordersRequests();
  let sent = 0;
  try {
    writeFileSync(file, edited);
    sent += await responses((isEdited) => isEdited, edited);
  } finally {
    writeFileSync(file, original);
  }
  sent += await responses((isEdited) => !isEdited, original);
  await expect.poll(async () => (await ordersRequests()) - before).toBe(sent);

  // One family per name: a reloaded module that registered instruments again would show twice.
  const text = await (await request.get('/metrics')).text();
  const typeLines = text.split('\n').filter((line) => line.startsWith('# TYPE '));
  expect(new Set(typeLines).size).toBe(typeLines.length);
  expect(typeLines.filter((line) => line.startsWith('# TYPE http_server_request_duration_seconds '))).toHaveLength(1);
});
