import { expect, test, type APIRequestContext } from '@playwright/test';
import type { RouteDetail, WindowName } from 'meterboard';

/** A route's page, as the routes table links it. */
function routeHref(method: string, route: string | null, window: WindowName): string {
  return `/meterboard/routes?${new URLSearchParams({ method, route: route ?? '', window })}`;
}
import { collectConsoleErrors } from './console-errors';

// Other specs request these routes on the same server too, so every count is compared with what the
// 1 h window held before this test's requests: nothing leaves that window while the suite runs.
const BASELINE_WINDOW: WindowName = '1h';

async function routeDetail(request: APIRequestContext, method: string, route: string | null): Promise<RouteDetail> {
  const query = new URLSearchParams({ method, route: route ?? '', window: BASELINE_WINDOW });
  const response = await request.get(`/meterboard/api/stats/route?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as RouteDetail;
}

test('a route opened from the routes table shows the status codes this test caused', async ({ page, request }) => {
  const errors = collectConsoleErrors(page);
  const before = await routeDetail(request, 'GET', '/api/orders/[id]');
  // Seven different orders that exist (the seeded 1001..1003) and two that do not: one route template.
  for (const id of ['1001', '1002', '1003', '1001', '1002', '1003', '1001']) {
    expect((await request.get(`/api/orders/${id}`)).status()).toBe(200);
  }
  for (const id of ['990001', '990002']) expect((await request.get(`/api/orders/${id}`)).status()).toBe(404);

  await page.goto(`/meterboard?window=${BASELINE_WINDOW}`);
  const routes = page.getByRole('table', { name: 'Routes' });
  const row = routes.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '/api/orders/[id]', exact: true }) }).filter({ hasText: 'GET' });
  await row.getByRole('link', { name: '/api/orders/[id]' }).click();

  await expect(page).toHaveURL((url) => url.pathname === '/meterboard/routes');
  const query = new URL(page.url()).searchParams;
  expect([query.get('method'), query.get('route'), query.get('window')]).toEqual(['GET', '/api/orders/[id]', BASELINE_WINDOW]);
  await expect(page.getByRole('heading', { level: 1, name: 'GET /api/orders/[id]' })).toBeVisible();

  const statusCodes = page.getByRole('table', { name: 'Status codes' });
  const countOf = (status: string) => statusCodes.getByRole('row').filter({ has: page.getByRole('rowheader', { name: status, exact: true }) }).getByRole('cell').first();
  await expect(countOf('200')).toHaveText(String((before.route.statusCodes['200'] ?? 0) + 7));
  await expect(countOf('404')).toHaveText(String((before.route.statusCodes['404'] ?? 0) + 2));
  await expect(page.getByRole('group', { name: 'Requests', exact: true }).locator('.kpi-value')).toHaveText(String(before.route.requests + 9));

  await expect(page.getByRole('figure', { name: 'Latency distribution' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Request rate by status class' }).locator('.recharts-area')).toHaveCount(4);
  await expect(page.getByRole('figure', { name: 'Latency percentiles' }).locator('.recharts-line')).toHaveCount(3);
  await expect(page.getByRole('figure', { name: 'Error rate' }).locator('.recharts-line')).toHaveCount(1);

  // Another window: the address says so (shareable) and keeps the route.
  // click, not check: the radio follows the URL, so it is checked only once the address has changed.
  const fiveMinutes = page.getByRole('radio', { name: '5m', exact: true });
  await fiveMinutes.click();
  await expect(fiveMinutes).toBeChecked();
  await expect(page).toHaveURL((url) => url.searchParams.get('window') === '5m' && url.searchParams.get('route') === '/api/orders/[id]');
  await expect(countOf('200')).toBeVisible();

  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/meterboard' && url.searchParams.get('window') === '5m');
  expect(errors).toEqual([]);
});

test('the unmatched row has a page of its own', async ({ page, request }) => {
  const errors = collectConsoleErrors(page);
  const before = await routeDetail(request, 'GET', null);
  expect((await request.get('/no-such-page-for-the-route-page-spec')).status()).toBe(404);

  await page.goto(routeHref('GET', null, BASELINE_WINDOW));
  await expect(page.getByRole('heading', { level: 1, name: 'GET (unmatched)' })).toBeVisible();
  const notFound = page.getByRole('table', { name: 'Status codes' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: '404', exact: true }) });
  await expect(notFound.getByRole('cell').first()).toHaveText(String((before.route.statusCodes['404'] ?? 0) + 1));
  expect(errors).toEqual([]);
});

test('a route without requests says so and how to send it some', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto(routeHref('GET', '/never/requested', '1m'));
  await expect(page.getByRole('heading', { name: 'No requests in the last 1m' })).toBeVisible();
  await expect(page.getByRole('link', { name: '/never/requested' })).toHaveAttribute('href', '/never/requested');
  await expect(page.getByRole('table', { name: 'Status codes' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a page address without the route says which parameter is missing', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto('/meterboard/routes?method=GET');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('missing "route"');
  expect(errors).toEqual([]);
});

test.describe('GET /meterboard/api/stats/route answers 400 naming a missing or bad parameter', () => {
  for (const [query, name] of [
    ['route=%2Fapi%2Forders', 'method'],
    ['method=GET', 'route'],
    ['method=GET&route=api', 'route'],
    ['method=GET&route=&window=2h', 'window'],
    ['method=GET&route=&since=yesterday', 'since'],
  ]) {
    test(query, async ({ request }) => {
      const response = await request.get(`/meterboard/api/stats/route?${query}`);
      expect(response.status()).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toContain(`"${name}"`);
    });
  }
});
