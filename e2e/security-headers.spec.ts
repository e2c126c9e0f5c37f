import { expect, test } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';

const DASHBOARD_PAGES = ['/meterboard', '/meterboard/routes?method=GET&route=%2Fapi%2Forders', '/meterboard/explorer?meter=orders&name=orders.created'];

// The policy's directives by name, e.g. { 'script-src': ["'self'", "'nonce-…'"] }.
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

test('dashboard pages carry a strict CSP with a fresh nonce per view, and the hardening headers', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of [...DASHBOARD_PAGES, '/meterboard']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const policy = directives(headers['content-security-policy'] ?? '');
    const nonce = policy['script-src']?.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, path).toBeTruthy();
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['script-src']).not.toContain("'unsafe-eval'");
    expect(policy).toMatchObject({ 'object-src': ["'none'"], 'base-uri': ["'none'"], 'frame-ancestors': ["'none'"], 'connect-src': ["'self'"] });
    // Every script Next wrote into the page carries the nonce.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    nonces.add(nonce!);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
  }
  expect(nonces.size).toBe(DASHBOARD_PAGES.length + 1);
});

// Prefetch requests without RSC: 1 get the whole HTML document, so they get the whole policy too.
const PREFETCH_VARIANTS: Record<string, string>[] = [{ 'Next-Router-Prefetch': '1' }, { Purpose: 'prefetch' }, { 'Sec-Purpose': 'prefetch' }, { 'Next-Router-Prefetch': '1', Purpose: 'prefetch' }];

test('a prefetch of a dashboard page is HTML with the same policy and headers', async ({ request }) => {
  for (const headers of PREFETCH_VARIANTS) {
    for (const path of DASHBOARD_PAGES) {
      const response = await request.get(path, { headers });
      const what = `${path} with ${JSON.stringify(headers)}`;
      expect(response.status(), what).toBe(200);
      expect(response.headers()['content-type'], what).toMatch(/^text\/html/);
      expect(directives(response.headers()['content-security-policy'] ?? '')['script-src'], what).toContainEqual(expect.stringMatching(/^'nonce-/));
      expect(response.headers(), what).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
    }
  }
});

test('the dashboard works under its CSP without a single violation', async ({ page }) => {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as { __violations?: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const errors = collectConsoleErrors(page);
  await page.goto('/meterboard?window=1m');
  await expect(page.getByRole('status').filter({ hasText: /^Live/ })).toBeVisible();
  await page.getByRole('link', { name: 'Explorer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /explorer/i })).toBeVisible();
  expect(await page.evaluate(() => (window as { __violations?: string[] }).__violations)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a script injected into a dashboard page without the nonce does not run', async ({ page }) => {
  // As if an attacker got markup into the HTML: the policy, not the markup, decides.
  await page.route('/meterboard', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<body>', '<body><script>window.__injected = true</script>');
    await route.fulfill({ response, body: html });
  });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  await page.goto('/meterboard');
  await expect(page.getByRole('status').filter({ hasText: /^Live/ })).toBeVisible();
  expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(violations).toEqual([expect.stringMatching(/script-src/)]);
});
