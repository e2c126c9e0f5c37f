import http from 'node:http';
import { expect, test } from '@playwright/test';
import type { RouteDetail, Stats } from 'meterboard';
import { collectConsoleErrors } from './console-errors';
import { scrape, sumOf, type PrometheusSample } from './metrics-text';
import { SHOP_PAYMENTS_PORT, SHOP_RATES_PORT } from './ports';

// e2e/fixtures/shop calls two services of its own: a payment provider (global fetch, from POST
// /api/checkout), which declines large amounts with a 503 that the route turns into a thrown
// PaymentDeclinedError, and a shipping rates service (node:http, from GET /api/shipping), which
// takes RATES_DELAY_MS to answer. This spec is those services.
const BASE = '/shop';
// Long enough that the fast upstream never looks slower: on a loaded CI machine a call to it once
// took 260 ms, above the 150 ms this was (a fresh-clone run), which failed the p99 order below.
const RATES_DELAY_MS = 1_000;
const DECLINED_ABOVE = 1000;

const CLIENT_COUNT = 'http_client_request_duration_seconds_count';
const payments = { server_address: '127.0.0.1', server_port: String(SHOP_PAYMENTS_PORT) };
const rates = { server_address: '127.0.0.1', server_port: String(SHOP_RATES_PORT) };

const servers: http.Server[] = [];

function listen(port: number, handle: http.RequestListener): Promise<void> {
  const server = http.createServer(handle);
  servers.push(server);
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

test.beforeAll(async () => {
  await listen(SHOP_PAYMENTS_PORT, (request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      const { orderId, amount } = JSON.parse(body) as { orderId: string; amount: number };
      response.writeHead(amount > DECLINED_ABOVE ? 503 : 201, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: `ch_${orderId}` }));
    });
  });
  await listen(SHOP_RATES_PORT, (_request, response) => {
    setTimeout(() => response.end(JSON.stringify({ price: 7 })), RATES_DELAY_MS);
  });
});

test.afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** "850 µs", "12.3 ms", "1.24 s" (the dashboard's formatSeconds) in seconds. */
function secondsOf(text: string): number {
  const [, value, unit] = /^([\d.]+) (µs|ms|s)$/.exec(text.trim()) ?? [];
  if (value === undefined) throw new Error(`not a duration: ${text}`);
  return Number(value) / { µs: 1e6, ms: 1e3, s: 1 }[unit as 'µs' | 'ms' | 's'];
}

const checkout = (orderId: number, amount: number) => ({ method: 'POST' as const, path: `${BASE}/api/checkout`, data: { orderId: String(orderId), amount } });

test('calls to two upstreams and a custom error class: exact counts in /metrics, the Errors panel and the Outgoing calls table', async ({ page, request }) => {
  const before = await scrape(request, BASE);
  for (const order of [1001, 1002, 1003]) expect((await request.post(`${BASE}/api/checkout`, { data: checkout(order, 9).data })).status()).toBe(201);
  for (const order of [2001, 2002]) expect((await request.post(`${BASE}/api/checkout`, { data: checkout(order, 5000).data })).status()).toBe(500);
  for (let i = 0; i < 4; i++) expect((await request.get(`${BASE}/api/shipping`)).status()).toBe(200);

  const delta = (after: PrometheusSample[], name: string, where: Record<string, string | undefined>) => sumOf(after, name, where) - sumOf(before, name, where);
  const counts = (after: PrometheusSample[]) => ({
    paid: delta(after, 'http_server_request_duration_seconds_count', { http_route: '/api/checkout', http_response_status_code: '201', error_type: undefined }),
    declined: delta(after, 'http_server_request_duration_seconds_count', { http_route: '/api/checkout', http_response_status_code: '500', error_type: 'PaymentDeclinedError' }),
    charges: delta(after, CLIENT_COUNT, { ...payments, http_request_method: 'POST', http_response_status_code: '201', error_type: undefined }),
    refusedCharges: delta(after, CLIENT_COUNT, { ...payments, http_request_method: 'POST', http_response_status_code: '503', error_type: '503' }),
    quotes: delta(after, CLIENT_COUNT, { ...rates, http_request_method: 'GET', http_response_status_code: '200', error_type: undefined }),
  });
  await expect.poll(async () => counts(await scrape(request, BASE))).toEqual({ paid: 3, declined: 2, charges: 3, refusedCharges: 2, quotes: 4 });

  const after = await scrape(request, BASE);
  // The calls' series carry host and port, never the path or query they called.
  const clientLabels = after.filter((sample) => sample.name.startsWith('http_client_request_duration')).flatMap((sample) => Object.values(sample.labels));
  expect(clientLabels.filter((value) => value.includes('/'))).toEqual([]);
  expect(after.filter((sample) => sample.name.startsWith('http_client') && 'http_route' in sample.labels)).toEqual([]);

  // The JSON the dashboard draws: the slow upstream's p99 above the fast one's, and above its delay.
  let stats: Stats | undefined;
  await expect
    .poll(async () => {
      stats = (await (await request.get(`${BASE}/meterboard/api/stats?window=1h`)).json()) as Stats;
      return stats.outgoing.map((host) => `${host.host}:${host.port} ${host.calls}`).sort();
    })
    .toEqual(
      [
        `127.0.0.1:${SHOP_PAYMENTS_PORT} ${sumOf(after, CLIENT_COUNT, payments)}`,
        `127.0.0.1:${SHOP_RATES_PORT} ${sumOf(after, CLIENT_COUNT, rates)}`,
      ].sort(),
    );
  const p99 = (port: number) => stats!.outgoing.find((host) => host.port === port)!.durationSeconds.p99!;
  expect(p99(SHOP_RATES_PORT)).toBeGreaterThanOrEqual(RATES_DELAY_MS / 1000);
  expect(p99(SHOP_RATES_PORT)).toBeGreaterThan(p99(SHOP_PAYMENTS_PORT));

  const consoleErrors = collectConsoleErrors(page, { ignoreMissingFavicon: true });
  await page.goto(`${BASE}/meterboard?window=1h`);
  const errors = page.getByRole('table', { name: 'Errors' });
  const declined = errors.getByRole('row').filter({ hasText: 'PaymentDeclinedError' });
  await expect(declined.getByRole('rowheader')).toContainText('payment for order <n> declined: the provider answered <n>');
  await expect(declined.getByRole('cell').nth(0)).toHaveText('POST /api/checkout');
  await expect(declined.getByRole('cell').nth(1)).toHaveText(String(sumOf(after, 'http_server_request_duration_seconds_count', { http_route: '/api/checkout', error_type: 'PaymentDeclinedError' })));
  await declined.getByText('Latest stack trace').click();
  await expect(declined.locator('pre')).toContainText('payment for order 2002 declined: the provider answered 503');

  const outgoing = page.getByRole('table', { name: 'Outgoing calls' });
  const rows = outgoing.getByRole('row').filter({ has: page.getByRole('rowheader') });
  // Most calls first: the payment provider (5) above the rates service (4) when nothing else called them.
  await expect(rows.getByRole('rowheader')).toHaveText([`127.0.0.1:${SHOP_PAYMENTS_PORT}`, `127.0.0.1:${SHOP_RATES_PORT}`]);
  await expect(rows.nth(0).getByRole('cell').nth(0)).toHaveText(String(sumOf(after, CLIENT_COUNT, payments)));
  await expect(rows.nth(0).getByRole('cell').nth(2)).toHaveText(`${Math.round((100 * sumOf(after, CLIENT_COUNT, { ...payments, error_type: '503' })) / sumOf(after, CLIENT_COUNT, payments))} %`);
  // p99 (the sixth column) as the table writes it: the rates service slower than the payment provider.
  const p99Seconds = async (row: number) => secondsOf(await rows.nth(row).getByRole('cell').nth(5).innerText());
  expect(await p99Seconds(1)).toBeGreaterThan(await p99Seconds(0));
  expect(await p99Seconds(1)).toBeGreaterThanOrEqual(RATES_DELAY_MS / 1000);
  expect(consoleErrors).toEqual([]);
});

test("a route's page lists the hosts it calls, the share of its time spent waiting, and its own errors", async ({ page, request }) => {
  await expect((await request.post(`${BASE}/api/checkout`, { data: checkout(3001, 7000).data })).status()).toBe(500);
  expect((await request.get(`${BASE}/api/shipping`)).status()).toBe(200);

  let detail: RouteDetail | undefined;
  await expect
    .poll(async () => {
      detail = (await (await request.get(`${BASE}/meterboard/api/stats/route?window=1h&method=GET&route=/api/shipping`)).json()) as RouteDetail;
      return detail.outgoing.map((host) => host.port);
    })
    .toEqual([SHOP_RATES_PORT]);
  // The route does little besides waiting for the rates service.
  expect(detail!.outgoing[0].waitingShare).toBeGreaterThan(0.5);
  expect(detail!.outgoing[0].waitingShare).toBeLessThanOrEqual(1);

  await page.goto(`${BASE}/meterboard/routes?${new URLSearchParams({ method: 'POST', route: '/api/checkout', window: '1h' })}`);
  const outgoing = page.getByRole('table', { name: 'Outgoing calls' });
  await expect(outgoing.getByRole('rowheader')).toHaveText([`127.0.0.1:${SHOP_PAYMENTS_PORT}`]);
  await expect(outgoing.getByRole('columnheader', { name: 'Share of route time' })).toBeVisible();
  const errors = page.getByRole('table', { name: 'Errors' });
  await expect(errors.getByRole('rowheader')).toHaveCount(1);
  await expect(errors.getByRole('rowheader')).toContainText('PaymentDeclinedError');
  // On its own route's page a group needs no "Where".
  await expect(errors.getByRole('columnheader', { name: 'Where' })).toHaveCount(0);
});
