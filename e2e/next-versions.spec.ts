import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_APPS, fixtureDir } from './fixtures/apps.cjs';
import { collectConsoleErrors } from './console-errors';
import { requestCount, scrape, sumOf } from './metrics-text';
import { routeRow, sendAndCount, type Traffic } from './host-app';
import type { RouteDetail } from 'meterboard';

// e2e/fixtures/versions, installed with each Next version of the matrix (one Playwright project
// each): meterboard reads Next internals for route templates and server action names, so each
// version is checked, not assumed.

const TRAFFIC: Traffic[] = [
  { method: 'GET', path: '/posts/1', times: 2, route: '/posts/[id]', status: 200 },
  { method: 'GET', path: '/posts/2', times: 1, route: '/posts/[id]', status: 200 },
  { method: 'GET', path: '/about', times: 1, route: '/about', status: 200 },
  { method: 'GET', path: '/api/items/7', times: 2, route: '/api/items/[id]', status: 200 },
  { method: 'GET', path: '/no-such-page', times: 1, route: undefined, status: 404 },
];

test('the app runs the Next version of its project', () => {
  const app = FIXTURE_APPS.find((candidate) => candidate.name === test.info().project.name)!;
  const { version } = JSON.parse(readFileSync(join(fixtureDir(app.name), 'node_modules', 'next', 'package.json'), 'utf8')) as { version: string };
  expect(version).toBe(app.next);
});

test('route templates: dynamic segments, route groups, route handlers and 404s', async ({ page, request }) => {
  const after = await sendAndCount(request, TRAFFIC);
  const errors = collectConsoleErrors(page, { ignoreMissingFavicon: true });
  await page.goto('/meterboard?window=1h');
  await expect(routeRow(page, 'GET', '/posts/[id]').getByRole('cell').nth(1)).toHaveText(String(requestCount(after, { method: 'GET', route: '/posts/[id]' })));
  expect(errors).toEqual([]);
});

test('a server action is measured under its exported name and file', async ({ page, request }) => {
  const where = { code_function_name: 'subscribe', code_file_path: 'app/subscribe/actions.ts' };
  const before = sumOf(await scrape(request), 'next_server_action_duration_seconds_count', where);
  await page.goto('/subscribe');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('status')).toHaveText('1 subscribed');
  await expect.poll(async () => sumOf(await scrape(request), 'next_server_action_duration_seconds_count', where) - before).toBe(1);
  expect(sumOf(await scrape(request), 'next_server_action_duration_seconds_count', { code_function_name: '_OTHER' })).toBe(0);
});

test("an exception's name becomes error.type, and an outgoing fetch is measured and attributed to its route", async ({ request, baseURL }) => {
  const port = new URL(baseURL!).port;
  const route = '/api/items/[id]/stock';
  // request.url names the host Next was started for (localhost under `next start`), not the test's 127.0.0.1.
  const calls = { server_port: port, http_response_status_code: '200' };
  const before = await scrape(request);
  for (const id of ['3', '4']) expect((await request.get(`/api/items/${id}/stock`)).status()).toBe(200);
  expect((await request.get('/api/items/missing/stock')).status()).toBe(500);

  const delta = (after: Awaited<ReturnType<typeof scrape>>) => ({
    failed: sumOf(after, 'http_server_request_duration_seconds_count', { http_route: route, error_type: 'StockError' }) - sumOf(before, 'http_server_request_duration_seconds_count', { http_route: route, error_type: 'StockError' }),
    calls: sumOf(after, 'http_client_request_duration_seconds_count', calls) - sumOf(before, 'http_client_request_duration_seconds_count', calls),
  });
  await expect.poll(async () => delta(await scrape(request))).toEqual({ failed: 1, calls: 2 });

  // Attributed through Next's own work store, which each version must still provide.
  await expect
    .poll(async () => {
      const detail = (await (await request.get(`/meterboard/api/stats/route?${new URLSearchParams({ method: 'GET', route, window: '1h' })}`)).json()) as RouteDetail;
      return { ports: detail.outgoing.map((host) => host.port), errors: detail.errors.groups.map((group) => `${group.errorType}: ${group.message}`) };
    })
    .toEqual({ ports: [Number(port)], errors: ['StockError: no stock record for item missing'] });
});
