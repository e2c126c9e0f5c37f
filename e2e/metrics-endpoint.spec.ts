import { expect, test } from '@playwright/test';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { requestCount, scrape, sumOf } from './metrics-text';
import { createOrder } from './new-order';

test('GET /metrics serves the Prometheus text format with the service in target_info', async ({ request }) => {
  const response = await request.get('/metrics');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  const text = await response.text();
  expect(text).toMatch(/^target_info\{.*service_name="meterboard-e2e".*\} 1$/m);
  expect(text).toContain('# TYPE http_server_request_duration_seconds histogram');
  expect(text).toContain('# TYPE http_server_active_requests gauge');
});

test('counts exactly the requests sent, under their route templates', async ({ request }) => {
  const before = await scrape(request);
  const ids = ['1001', '1002', '1003', '1001', '1002'];
  for (const id of ids) expect((await request.get(`/api/orders/${id}`)).status()).toBe(200);
  for (let i = 0; i < 3; i++) expect((await request.get(`/api/orders/77${i}`)).status()).toBe(404);
  for (let i = 0; i < 2; i++) expect((await request.get('/orders/1003')).status()).toBe(200);

  await expect
    .poll(async () => {
      const after = await scrape(request);
      const delta = (route: string, status: number) =>
        requestCount(after, { method: 'GET', route, status }) - requestCount(before, { method: 'GET', route, status });
      return [delta('/api/orders/[id]', 200), delta('/api/orders/[id]', 404), delta('/orders/[id]', 200)];
    })
    .toEqual([ids.length, 3, 2]);

  const routes = new Set((await scrape(request)).map((sample) => sample.labels.http_route).filter(Boolean));
  for (const route of routes) expect(route, 'a raw path leaked into http_route').not.toMatch(/\/\d+(\/|$)/);
});

test('404s for unknown paths collapse into one series without http.route', async ({ request }) => {
  const before = await scrape(request);
  const paths = Array.from({ length: 25 }, (_, i) => `/e2e-unknown-${Date.now()}-${i}`);
  for (const path of paths) expect((await request.get(path)).status()).toBe(404);

  await expect
    .poll(async () => {
      const after = await scrape(request);
      return requestCount(after, { method: 'GET', route: undefined, status: 404 }) - requestCount(before, { method: 'GET', route: undefined, status: 404 });
    })
    .toBe(paths.length);

  const text = await (await request.get('/metrics')).text();
  expect(text).not.toContain('e2e-unknown');
  const unmatchedSeries = (await scrape(request)).filter(
    (sample) =>
      sample.name === 'http_server_request_duration_seconds_count' &&
      sample.labels.http_route === undefined &&
      sample.labels.http_request_method === 'GET' &&
      sample.labels.http_response_status_code === '404',
  );
  expect(unmatchedSeries).toHaveLength(1);
});

test("a 5xx carries the exception's name as error.type and the telemetry endpoints are not counted", async ({ request }) => {
  const errors = (samples: Awaited<ReturnType<typeof scrape>>) =>
    sumOf(samples, 'http_server_request_duration_seconds_count', { http_route: '/api/orders/[id]/ship', error_type: 'CarrierRefusedError' });
  const before = await scrape(request);

  // The demo carrier fails one call in four at random: ship until both outcomes were seen.
  let failures = 0;
  let successes = 0;
  for (let i = 0; i < 200 && (failures < 2 || successes < 2); i++) {
    const status = (await request.post('/api/orders/1001/ship')).status();
    expect([200, 500]).toContain(status);
    if (status === 500) failures++;
    else successes++;
  }
  expect(failures).toBeGreaterThanOrEqual(2);

  await expect.poll(async () => errors(await scrape(request)) - errors(before)).toBe(failures);
  const after = await scrape(request);
  expect(requestCount(after, { method: 'GET', route: '/metrics' })).toBe(0);
  expect(requestCount(after, { method: 'GET', route: '/meterboard/api/stats' })).toBe(0);
});

test('gzip when the scraper accepts it, plain text when it does not', async ({ baseURL }) => {
  const get = (headers: Record<string, string>) =>
    new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      request(`${baseURL}/metrics`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
  // What Prometheus sends.
  const compressed = await get({ 'Accept-Encoding': 'gzip' });
  expect(compressed.encoding).toBe('gzip');
  const text = gunzipSync(compressed.body).toString('utf8');
  expect(text).toContain('# TYPE http_server_request_duration_seconds histogram');
  const plain = await get({});
  expect(plain.encoding).toBeUndefined();
  expect(plain.body.toString('utf8')).toContain('# TYPE http_server_request_duration_seconds histogram');
  expect(compressed.body.length).toBeLessThan(plain.body.length / 3);
});

test('an instrument two meters share is one family: one HELP and TYPE, a series per scope', async ({ page, request }) => {
  // orders.created from the form's meter (a server action) and from the JSON API's own meter.
  await createOrder(page);
  expect((await request.post('/api/orders', { data: { item: 'Family beans', quantity: 1, unitPrice: 2 } })).status()).toBe(201);

  const text = await (await request.get('/metrics')).text();
  expect(text.match(/^# TYPE orders_created_total /gm)).toHaveLength(1);
  expect(text.match(/^# HELP orders_created_total /gm)).toHaveLength(1);
  const scopes = new Set((await scrape(request)).filter((sample) => sample.name === 'orders_created_total').map((sample) => sample.labels.otel_scope_name));
  expect(scopes).toEqual(new Set(['orders', 'orders-api']));
});
