import { expect, test } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';

// e2e/fixtures/cache-components with the proxy.ts `npx meterboard init` wrote: the dashboard's page
// has a static shell Next prerendered at build time, which no per-request nonce can reach.
test('under cacheComponents the dashboard runs under its Content-Security-Policy, without a violation', async ({ page, request }) => {
  const response = await request.get('/meterboard');
  const policy = response.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self' 'unsafe-inline'");
  expect(policy).not.toContain('nonce-');
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response.headers()['x-frame-options']).toBe('DENY');

  const errors = collectConsoleErrors(page, { ignoreMissingFavicon: true });
  await page.goto('/meterboard');
  // Hydrated and polling: the KPI tiles come from the JSON endpoint.
  await expect(page.getByRole('group', { name: 'Uptime' })).toBeVisible();
  expect(errors).toEqual([]);
});
