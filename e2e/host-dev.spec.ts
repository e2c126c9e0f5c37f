import { expect, test } from '@playwright/test';
import { fixtureDir } from './fixtures/apps.cjs';
import { collectConsoleErrors } from './console-errors';
import { parseExposition, requestCount } from './metrics-text';
import { OwnServer } from './own-server';
import { CREATE_NEXT_APP_DEV_PORT } from './ports';

// `next dev` of the create-next-app fixture: meterboard from its tarball, compiled on demand by
// Turbopack's dev server; the dashboard is open to anyone under next dev.
const server = new OwnServer(CREATE_NEXT_APP_DEV_PORT, { OTEL_SERVICE_NAME: 'dev-host' }, fixtureDir('create-next-app'), 'dev');
test.beforeAll(async () => {
  test.setTimeout(120_000);
  await server.start();
});
test.afterAll(async () => server.stop());

test('under next dev a host app is measured and its dashboard renders without console errors', async ({ page }) => {
  test.setTimeout(120_000);
  const homeRequests = async () => requestCount(parseExposition(await (await fetch(`${server.url}/metrics`)).text()), { method: 'GET', route: '/', status: 200 });
  const before = await homeRequests();
  for (let i = 0; i < 2; i++) expect((await fetch(`${server.url}/`)).status).toBe(200);
  await expect.poll(async () => (await homeRequests()) - before).toBe(2);

  const errors = collectConsoleErrors(page);
  // localhost, as a developer opens it: next dev serves its scripts to other origins (127.0.0.1 too)
  // only when the app's allowedDevOrigins lists them, which this app does not.
  await page.goto(`${server.url.replace('127.0.0.1', 'localhost')}/meterboard`);
  await expect(page.getByRole('heading', { level: 1, name: 'dev-host' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Routes' }).getByRole('rowheader', { name: '/', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});
