import { expect, type Page } from '@playwright/test';
import { parseExposition, sumOf } from './metrics-text';

// Submitted before React hydrates it, the form posts without JavaScript and without the Next-Action
// header, and meterboard cannot name the action (the id is in the multipart body). React marks the
// elements it has hydrated with `__reactProps$<id>` keys.
async function waitForHydratedForm(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const form = document.querySelector('form');
    return form !== null && Object.keys(form).some((key) => key.startsWith('__reactProps$'));
  });
}

/** Server actions the server at `origin` has recorded as ended, from its /metrics. */
async function actionsRecorded(page: Page, origin: string): Promise<number> {
  const response = await page.request.get(`${origin}/metrics`);
  expect(response.status()).toBe(200);
  return sumOf(parseExposition(await response.text()), 'next_server_action_duration_seconds_count', {});
}

/**
 * Opens the new-order form at `origin` (the project's own server when empty), lets `fill` fill it,
 * submits it, and resolves once the order's page shows and the server has ended the action's
 * response (it is in /metrics). The page can show before the response has ended, and navigating
 * on then cancels the rest of it, which meterboard rightly records as an aborted request; the
 * browser's own "finished" event was seen to be missed for a third of these responses here.
 */
export async function createOrder(page: Page, fill: (page: Page) => Promise<void> = async () => {}, origin = ''): Promise<void> {
  await page.goto(`${origin}/orders/new`);
  await waitForHydratedForm(page);
  await fill(page);
  const before = await actionsRecorded(page, origin);
  const action = page.waitForResponse((response) => response.request().headers()['next-action'] !== undefined);
  await page.getByRole('button', { name: 'Create order' }).click();
  expect((await action).status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: /^Order #\d+$/ })).toBeVisible();
  await expect.poll(() => actionsRecorded(page, origin)).toBe(before + 1);
}
