import { expect, test, type APIRequestContext } from '@playwright/test';
import type { Stats } from 'meterboard';
import { requestCount, scrape, sumOf, type PrometheusSample } from './metrics-text';
import { createOrder } from './new-order';

// meterboard names a server action from Next's internal manifests singleton
// (lib/record/server-action.ts). If a Next upgrade moves it, every action becomes _OTHER and this fails.

const SUBMISSIONS = 3;
const ACTION_COUNT = 'next_server_action_duration_seconds_count';
const CREATE_ORDER = { code_function_name: 'createOrderAction', code_file_path: 'lib/orders/actions.ts' };
const OTHER = { code_function_name: '_OTHER' };

function actionCount(samples: PrometheusSample[], where: Record<string, string | undefined>): number {
  return sumOf(samples, ACTION_COUNT, where);
}

async function callsInLastHour(request: APIRequestContext): Promise<number> {
  const stats = (await (await request.get('/meterboard/api/stats?window=1h')).json()) as Stats;
  return stats.serverActions.find((action) => action.name === 'createOrderAction')?.requests ?? 0;
}

test(`each submission of the new-order form is one createOrderAction in ${ACTION_COUNT} and on the dashboard`, async ({ page, request }) => {
  const before = await scrape(request);
  const callsBefore = await callsInLastHour(request);

  for (let i = 0; i < SUBMISSIONS; i++) await createOrder(page, (form) => form.getByLabel('Item').fill(`E2E action ${i}`));

  // Recorded when the response closes, which may be just after the browser has it.
  await expect.poll(async () => actionCount(await scrape(request), CREATE_ORDER) - actionCount(before, CREATE_ORDER)).toBe(SUBMISSIONS);
  const after = await scrape(request);
  expect(actionCount(after, { ...CREATE_ORDER, error_type: undefined }) - actionCount(before, { ...CREATE_ORDER, error_type: undefined })).toBe(
    SUBMISSIONS,
  );
  expect(actionCount(after, OTHER) - actionCount(before, OTHER)).toBe(0);
  // The same requests are still measured as the POST to the form's page.
  const posts = { method: 'POST', route: '/orders/new' };
  expect(requestCount(after, posts) - requestCount(before, posts)).toBe(SUBMISSIONS);

  // The dashboard's server actions table, by name.
  await page.goto('/meterboard?window=1h');
  const row = page.getByRole('table', { name: 'Server actions' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'createOrderAction' }) });
  await expect(row.getByRole('cell').nth(0)).toHaveText('lib/orders/actions.ts');
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(callsBefore + SUBMISSIONS));
});

test(`an action id the build does not know is counted as _OTHER, never under the id`, async ({ request }) => {
  const unknownId = 'ff00112233445566778899aabbccddeeff00112233';
  const before = await scrape(request);

  const response = await request.post('/orders/new', {
    headers: { 'next-action': unknownId, 'content-type': 'text/plain;charset=UTF-8' },
    data: '[]',
  });
  // Next 16.4: 409 "Server Action unavailable." with x-nextjs-action-not-found: 1.
  expect(response.status()).toBe(409);

  await expect.poll(async () => actionCount(await scrape(request), OTHER) - actionCount(before, OTHER)).toBe(1);
  const text = await (await request.get('/metrics')).text();
  expect(text).not.toContain(unknownId);
});
