import { expect, test } from '@playwright/test';
import type { Stats } from 'meterboard';
import { collectConsoleErrors } from './console-errors';

test('switching the window changes the charts, the API calls and the URL, and survives a reload', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto('/meterboard');
  const rateChart = page.getByRole('figure', { name: 'Request rate by status class' });
  await expect(rateChart).toContainText('5 s steps');
  await expect(page.getByRole('radio', { name: '5m', exact: true })).toBeChecked();

  const fifteenMinutes = page.waitForResponse((response) => response.url().includes('/meterboard/api/stats?window=15m'));
  await page.getByRole('radio', { name: '15m' }).check();
  await expect(page).toHaveURL(/[?&]window=15m\b/);
  const stats = (await (await fifteenMinutes).json()) as Stats;
  expect(stats.window).toEqual({ name: '15m', seconds: 900, stepSeconds: 15 });
  await expect(rateChart).toContainText('15 s steps');
  await expect(page.getByRole('figure', { name: 'Latency percentiles' })).toContainText('15 s steps');

  // The window is in the URL, so a reload (or a shared link) opens on it.
  await page.reload();
  await expect(page.getByRole('radio', { name: '15m' })).toBeChecked();
  await expect(rateChart).toContainText('15 s steps');

  // Keyboard: arrow keys move between the radio buttons of the window picker.
  await page.getByRole('radio', { name: '15m' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '1h' })).toBeChecked();
  await expect(page).toHaveURL(/[?&]window=1h\b/);
  await expect(rateChart).toContainText('60 s steps');
  expect(errors).toEqual([]);
});

test('polls are incremental: after the first answer each poll asks only for what is newer', async ({ page }) => {
  const polls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/meterboard/api/stats?')) polls.push(request.url());
  });
  await page.goto('/meterboard?window=1m');
  await expect.poll(() => polls.filter((url) => url.includes('since=')).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  const incremental = polls.find((url) => url.includes('since='))!;
  const response = await page.request.get(incremental);
  const stats = (await response.json()) as Stats;
  expect(stats.since).toBe(Number(new URL(incremental).searchParams.get('since')));
  expect(stats.points.every((point) => point.time > stats.since!)).toBe(true);
});

test('pause stops polling and says so; resume starts again', async ({ page }) => {
  await page.goto('/meterboard?window=1m');
  const status = page.getByRole('status').filter({ hasText: /^Live/ });
  await expect(status).toBeVisible();
  let polls = 0;
  page.on('request', (request) => {
    if (request.url().includes('/meterboard/api/stats?')) polls++;
  });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: /^Paused/ })).toBeVisible();
  const pausedAt = polls;
  await page.waitForTimeout(2_500);
  expect(polls).toBe(pausedAt);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => polls).toBeGreaterThan(pausedAt);
  await expect(status).toBeVisible();
});
