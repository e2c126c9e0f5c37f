import { expect, test } from '@playwright/test';

// Runs against two servers: one with OTEL_SDK_DISABLED=true, one with a malformed
// METRICS_EXCLUDE_PATHS. Either way the app keeps serving and the telemetry endpoints say why
// there is nothing to show.
function expectedReason(): RegExp {
  return test.info().project.name === 'disabled' ? /OTEL_SDK_DISABLED=true/ : /METRICS_EXCLUDE_PATHS must be .*"metrics"/;
}

test('the app serves as usual', async ({ request }) => {
  expect((await request.get('/api/orders')).status()).toBe(200);
  expect((await request.get('/orders/1001')).status()).toBe(200);
});

test('/metrics and /meterboard/api/stats answer 503 with the reason', async ({ request }) => {
  for (const path of ['/metrics', '/meterboard/api/stats']) {
    const response = await request.get(path);
    expect(response.status()).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('telemetry_unavailable');
    expect(body.error.message).toMatch(expectedReason());
  }
});

test('the dashboard shows the reason instead of charts', async ({ page }) => {
  await page.goto('/meterboard');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(expectedReason());
  await expect(page.getByRole('table', { name: 'Routes' })).toHaveCount(0);
});
