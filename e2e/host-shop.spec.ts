import { expect, test } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';
import { requestCount, scrape, sumOf } from './metrics-text';
import { routeRow, sendAndCount, type Traffic } from './host-app';

// e2e/fixtures/shop: an app with its own src/ layout, basePath /shop, cacheComponents, route
// groups, parallel routes, a catch-all, its own proxy.ts and global CSS, built as output:
// 'standalone' and run as `node .next/standalone/server.js`; meterboard installed from the tarball.
const BASE = '/shop';

const TRAFFIC: Traffic[] = [
  { method: 'GET', path: `${BASE}`, times: 2, route: '/', status: 200 },
  { method: 'GET', path: `${BASE}/about`, times: 2, route: '/about', status: 200 },
  { method: 'GET', path: `${BASE}/products`, times: 1, route: '/products', status: 200 },
  { method: 'GET', path: `${BASE}/products/1`, times: 3, route: '/products/[id]', status: 200 },
  { method: 'GET', path: `${BASE}/products/2`, times: 1, route: '/products/[id]', status: 200 },
  { method: 'GET', path: `${BASE}/docs/brewing/espresso`, times: 2, route: '/docs/[...slug]', status: 200 },
  { method: 'GET', path: `${BASE}/docs/faq`, times: 1, route: '/docs/[...slug]', status: 200 },
  { method: 'GET', path: `${BASE}/account`, times: 2, route: '/account', status: 200 },
  { method: 'POST', path: `${BASE}/api/cart`, times: 2, route: '/api/cart', status: 201, body: { product: '2' } },
  { method: 'GET', path: `${BASE}/no-such-page`, times: 1, route: undefined, status: 404 },
];

test('route groups, parallel routes, a catch-all and dynamic segments under a basePath are measured by template', async ({ page, request }) => {
  const after = await sendAndCount(request, TRAFFIC, BASE);

  const errors = collectConsoleErrors(page, { ignoreMissingFavicon: true });
  await page.goto(`${BASE}/meterboard?window=1h`);
  await expect(page.getByRole('heading', { level: 1, name: 'shop' })).toBeVisible();
  // The routes no link of the shop's header points to: next/link prefetches the others (real
  // requests, counted) as soon as the dashboard, inside the shop's layout, shows the header.
  for (const route of ['/products/[id]', '/docs/[...slug]']) {
    await expect(routeRow(page, 'GET', route).getByRole('cell').nth(1), route).toHaveText(String(requestCount(after, { method: 'GET', route })));
  }
  await expect(routeRow(page, 'POST', '/api/cart').getByRole('cell').nth(1)).toHaveText(String(requestCount(after, { method: 'POST', route: '/api/cart' })));
  // The dashboard's own polls, under /shop/meterboard/api, are never counted.
  const polls = (await scrape(request, BASE)).filter((sample) => sample.labels.http_route?.startsWith('/meterboard'));
  expect(polls).toEqual([]);
  expect(errors).toEqual([]);
});

test("the host's server action is measured under its exported name and file", async ({ page, request }) => {
  const where = { code_function_name: 'addToCart', code_file_path: 'src/app/(store)/cart/actions.ts' };
  const before = sumOf(await scrape(request, BASE), 'next_server_action_duration_seconds_count', where);
  await page.goto(`${BASE}/cart`);
  const add = page.getByRole('button', { name: 'Add an espresso cup' });
  await add.click();
  await expect(page.getByRole('status')).toHaveText('1 added');
  await add.click();
  await expect(page.getByRole('status')).toHaveText('2 added');

  await expect.poll(async () => sumOf(await scrape(request, BASE), 'next_server_action_duration_seconds_count', where) - before).toBe(2);
  await page.goto(`${BASE}/meterboard?window=1h`);
  const actions = page.getByRole('table', { name: 'Server actions' });
  await expect(actions.getByRole('row').filter({ hasText: 'addToCart' }).getByRole('cell').nth(1)).toHaveText(String(before + 2));
});

test("the host's pages keep their title, headers and proxy; the dashboard keeps its look under the host's CSS", async ({ page, request }) => {
  const about = await request.get(`${BASE}/about`);
  expect(about.headers()['x-shop-region']).toBe('eu-west');
  expect(await about.text()).toContain('<title>About · Coffee Gear Shop</title>');
  const redirect = await request.get(`${BASE}/old-catalog`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers().location).toMatch(/\/shop\/products$/);

  await page.goto(`${BASE}/about`);
  const hostFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(hostFont).toContain('Georgia');

  await page.goto(`${BASE}/meterboard`);
  await expect(page.getByRole('heading', { level: 1, name: 'shop' })).toBeVisible();
  const look = await page.evaluate(() => {
    const root = document.querySelector('.meterboard')!;
    const probe = root.appendChild(document.createElement('span'));
    probe.style.color = 'var(--accent)';
    const accent = getComputedStyle(probe).color;
    probe.remove();
    const pause = root.querySelector('button')!;
    const rootFontSize = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
    return {
      accent,
      buttonBackground: getComputedStyle(pause).backgroundColor,
      headingSizeInRem: Number.parseFloat(getComputedStyle(root.querySelector('h1')!).fontSize) / rootFontSize,
      fontFamily: getComputedStyle(root).fontFamily,
    };
  });
  // The host's reset makes buttons transparent and headings inherit; meterboard's own rules win inside it.
  expect(look.buttonBackground).toBe(look.accent);
  expect(look.headingSizeInRem).toBe(1.5);
  expect(look.fontFamily).not.toContain('Georgia');
});
