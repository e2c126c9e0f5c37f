import { expect, test } from '@playwright/test';

// A marker in every part of the request a client controls; none of it may become an attribute value.
const MARKER = 'zz-secret-7f3a';

test('query strings, headers, cookies and bodies never reach /metrics or /meterboard/api/stats', async ({ request }) => {
  const headers = { 'X-Tenant': MARKER, Cookie: `session=${MARKER}`, 'User-Agent': MARKER, Referer: `http://${MARKER}.example/` };
  expect((await request.get(`/api/orders?token=${MARKER}&${MARKER}=1`, { headers })).status()).toBe(200);
  expect((await request.get(`/api/orders/${MARKER}`, { headers })).status()).toBe(404);
  await request.post('/api/orders', { headers, data: { item: MARKER, quantity: 1, unitPrice: 1 } });
  await request.get(`/${MARKER}/wp-login.php?redirect=${MARKER}`, { headers });

  await expect
    .poll(async () => (await (await request.get('/meterboard/api/stats?window=1h')).text()).includes('"/api/orders/[id]"'), { timeout: 5_000 })
    .toBe(true);
  for (const path of ['/metrics', '/meterboard/api/stats?window=1h', '/meterboard/api/stats/instrument?window=1h&meter=meterboard&name=http.server.request.duration']) {
    expect(await (await request.get(path)).text(), path).not.toContain(MARKER);
  }
});
