import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { fixtureDir } from './fixtures/apps.cjs';
import { collectConsoleErrors } from './console-errors';
import { requestCount } from './metrics-text';
import { routeRow, sendAndCount, type Traffic } from './host-app';

// The app `npx create-next-app` makes (scripts/prepare-fixtures.mjs), built with --webpack, with
// meterboard installed from its npm pack tarball and wired by `npx meterboard init`, nothing else.
const APP = fixtureDir('create-next-app');

const TRAFFIC: Traffic[] = [
  { method: 'GET', path: '/', times: 4, route: '/', status: 200 },
  { method: 'GET', path: '/no-such-page', times: 2, route: undefined, status: 404 },
];

test('the home page and a 404 are measured by route template, on /metrics and on the dashboard', async ({ page, request }) => {
  const after = await sendAndCount(request, TRAFFIC);

  const errors = collectConsoleErrors(page, { ignoreMissingFavicon: true });
  await page.goto('/meterboard?window=1h');
  // The service is named after the app's package.json, which create-next-app named after its folder.
  const { name } = JSON.parse(readFileSync(join(APP, 'package.json'), 'utf8')) as { name: string };
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(routeRow(page, 'GET', '/').getByRole('cell').nth(1)).toHaveText(String(requestCount(after, { method: 'GET', route: '/' })));
  await expect(routeRow(page, 'GET', null).getByRole('cell').nth(1)).toHaveText(String(requestCount(after, { method: 'GET', route: undefined })));
  expect(errors).toEqual([]);
});

test('the home page has the title and the very stylesheets it had before meterboard was added', async ({ page, request }) => {
  const before = JSON.parse(readFileSync(join(APP, 'before-meterboard.json'), 'utf8')) as { title: string; css: string[] };
  const html = await (await request.get('/')).text();
  const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]);
  const css = await Promise.all(stylesheets.map(async (href) => (await request.get(href)).text()));
  expect(css).toEqual(before.css);
  expect(css.join('\n')).not.toContain('meterboard');

  const errors = collectConsoleErrors(page, { ignoreMissingFavicon: true });
  await page.goto('/');
  await expect(page).toHaveTitle(before.title);
  expect(errors).toEqual([]);
});
