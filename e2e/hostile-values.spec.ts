import { expect, test, type Page } from '@playwright/test';
import type { Stats } from 'meterboard';

// Markup, quotes, backslashes, bidi and astral characters in every string the dashboard shows must
// come out as text. Each HOSTILE string carries an element with id "injected" and a handler that
// would set window.__pwned: neither may ever exist.
const HOSTILE = `<img src=x id=injected onerror="window.__pwned=1"><script>window.__pwned=2</script>"q" 'a' \\b\\ \u202eünï 🚀`;

async function expectNothingInjected(page: Page): Promise<void> {
  await expect(page.locator('#injected')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
}

test('hostile values in the links people share render as text', async ({ page }) => {
  const hostile = encodeURIComponent(HOSTILE);
  await page.goto(`/meterboard/routes?method=GET&route=${encodeURIComponent(`/${HOSTILE}`)}`);
  await expect(page.getByRole('main').getByText(`/${HOSTILE}`).first()).toBeVisible();
  await expectNothingInjected(page);

  await page.goto(`/meterboard/explorer?meter=${hostile}&name=${hostile}`);
  await expect(page.getByText(`No instrument ${HOSTILE} in meter ${HOSTILE}`)).toBeVisible();
  await expectNothingInjected(page);
});

test('hostile names and values from user meters, routes and server actions render as text', async ({ page, request }) => {
  // Real traffic first, so every table has a row; then each row's strings are swapped for HOSTILE
  // on its way to the browser, as a user's meter with such names would have them.
  expect((await request.get('/api/orders')).status()).toBe(200);
  await page.route(
    (url) => url.pathname === '/meterboard/api/stats',
    async (route) => {
      const response = await route.fetch();
      const stats = (await response.json()) as Stats;
      stats.service.name = HOSTILE;
      stats.routes = stats.routes.map((row) => ({ ...row, route: `/${HOSTILE}` }));
      stats.serverActions = [{ name: HOSTILE, file: HOSTILE, requests: 1, requestsPerSecond: 1, errorRate: 0, durationSeconds: stats.totals.durationSeconds }];
      stats.instruments = [{ meter: HOSTILE, name: HOSTILE, description: HOSTILE, unit: HOSTILE, kind: 'counter', points: [{ attributes: { [HOSTILE]: HOSTILE }, value: 1 }] }];
      stats.overflowingInstruments = [{ meter: HOSTILE, name: HOSTILE }];
      await route.fulfill({ response, json: stats });
    },
  );
  await page.goto('/meterboard?window=1m');
  await expect(page.getByRole('table', { name: 'Routes' }).getByText(`/${HOSTILE}`).first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: HOSTILE })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: HOSTILE })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Server actions' }).getByText(HOSTILE).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Custom metrics' }).getByText(HOSTILE).first()).toBeVisible();
  await expectNothingInjected(page);
  // The dashboard polls every second: a poll still in the handler when the page closes would fail
  // on its disposed response (a fresh-clone run did), so the route goes before the page does.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
