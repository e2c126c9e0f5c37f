import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { fixtureDir } from './fixtures/apps.cjs';
import { collectConsoleErrors } from './console-errors';
import { OwnServer } from './own-server';
import { CREATE_NEXT_APP_TOKEN_PORT } from './ports';

// The sign-in form's server action and the session cookie, from meterboard installed as a user
// installs it (the npm pack tarball in node_modules, not the demo's workspace link), in the
// create-next-app fixture with a token.
const TOKEN = randomBytes(24).toString('hex');
const server = new OwnServer(CREATE_NEXT_APP_TOKEN_PORT, { METRICS_AUTH_TOKEN: TOKEN, OTEL_SERVICE_NAME: 'token-host' }, fixtureDir('create-next-app'));
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

test('in a host app, the dashboard asks for the token, signs in with it, shows the data, and signs out', async ({ page, context }) => {
  const errors = collectConsoleErrors(page, { ignoreHttpErrorResponses: true });
  expect((await fetch(`${server.url}/meterboard/api/stats`)).status).toBe(401);
  expect((await fetch(`${server.url}/metrics`)).status).toBe(401);

  await page.goto(`${server.url}/meterboard`);
  await expect(page.getByRole('heading', { name: 'Sign in to meterboard' })).toBeVisible();
  await page.getByLabel('Access token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'token-host' })).toBeVisible();
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: 'meterboard_session', httpOnly: true, sameSite: 'Strict' });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to meterboard' })).toBeVisible();
  expect(await context.cookies()).toEqual([]);
  expect(errors).toEqual([]);
});
