import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';
import { parseExposition, requestCount } from './metrics-text';
import { OwnServer } from './own-server';
import { MISCONFIGURED_TOKEN_PORT, PRIVATE_PORT, TOKEN_PORT } from './ports';

// Two servers of the production build that the shared (public) ones cannot be: one with no access
// configured, one with a token. Each spec starts its own so it can read the server's log.
const TOKEN = randomBytes(24).toString('hex');
const DASHBOARD_ENDPOINTS = ['/meterboard/api/stats', '/meterboard/api/stats/route?method=GET&route=%2Fapi%2Forders', '/meterboard/api/stats/instrument'];

interface ApiError {
  error: { code: string; message: string };
}

const accessLines = (output: string) => output.split('\n').filter((line) => line.includes('[meterboard] access:'));

async function sendOrdersRequests(url: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) expect((await fetch(`${url}/api/orders`)).status).toBe(200);
}

test.describe('next start with neither METRICS_AUTH_TOKEN nor METRICS_PUBLIC', () => {
  const server = new OwnServer(PRIVATE_PORT);
  test.beforeAll(async () => server.start());
  test.afterAll(async () => server.stop());

  test('logs one line saying what is exposed', async () => {
    await expect
      .poll(() => accessLines(server.output))
      .toEqual([expect.stringMatching(/\/metrics is open to anyone; the dashboard and its JSON endpoints answer 403 until METRICS_AUTH_TOKEN .* or METRICS_PUBLIC=true/)]);
  });

  // The page renders its own refusal (the host needs no forbidden.tsx or authInterrupts), so its
  // status is 200; the HTML holds no data, and every endpoint with data answers 403.
  test('the dashboard pages show a page that names the variables to set, and no data', async ({ page }) => {
    for (const path of ['/meterboard', '/meterboard/routes?method=GET&route=%2Fapi%2Forders', '/meterboard/explorer']) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole('table')).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'The dashboard is private' })).toBeVisible();
      await expect(page.getByRole('main')).toContainText('METRICS_AUTH_TOKEN=<token>');
      await expect(page.getByRole('main')).toContainText('METRICS_PUBLIC=true');
    }
  });

  test('the dashboard endpoints answer 403 JSON naming the variables', async () => {
    for (const path of DASHBOARD_ENDPOINTS) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(403);
      const body = (await response.json()) as ApiError;
      expect(body.error.code).toBe('access_not_configured');
      expect(body.error.message).toMatch(/METRICS_AUTH_TOKEN.*METRICS_PUBLIC=true/);
    }
  });

  test('/metrics stays open and the app serves as usual', async () => {
    await sendOrdersRequests(server.url, 3);
    // A request is recorded when Node reports its response written, a moment after the client has it.
    await expect
      .poll(async () => {
        const response = await fetch(`${server.url}/metrics`);
        expect(response.status).toBe(200);
        return requestCount(parseExposition(await response.text()), { method: 'GET', route: '/api/orders', status: 200 });
      })
      .toBe(3);
  });
});

test.describe('next start with METRICS_AUTH_TOKEN', () => {
  const server = new OwnServer(TOKEN_PORT, { METRICS_AUTH_TOKEN: TOKEN });
  test.beforeAll(async () => server.start());
  test.afterAll(async () => server.stop());

  test('logs one line saying that everything needs the token, and never the token itself', async () => {
    await expect.poll(() => accessLines(server.output)).toEqual([expect.stringContaining('/metrics and the dashboard (its pages and JSON endpoints) require the token in METRICS_AUTH_TOKEN')]);
    expect(server.output).not.toContain(TOKEN);
  });

  test('a missing or wrong token gets the same 401, whichever part was wrong', async () => {
    const wrongAuthorizations = [
      undefined,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}${TOKEN.endsWith('0') ? '1' : '0'}`,
      `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}`,
      TOKEN,
    ];
    for (const path of ['/metrics', ...DASHBOARD_ENDPOINTS]) {
      const bodies = new Set<string>();
      for (const authorization of wrongAuthorizations) {
        const response = await fetch(`${server.url}${path}`, { headers: authorization ? { Authorization: authorization } : {} });
        expect(response.status, `${path} with ${authorization?.slice(0, 8)}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="meterboard"');
        bodies.add(await response.text());
      }
      expect([...bodies]).toHaveLength(1);
      expect((JSON.parse([...bodies][0]) as ApiError).error.code).toBe('unauthorized');
    }
  });

  test('the right bearer token reads /metrics and /meterboard/api/stats', async () => {
    const ordersRequests = async () => {
      const response = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      return requestCount(parseExposition(await response.text()), { method: 'GET', route: '/api/orders', status: 200 });
    };
    const before = await ordersRequests();
    await sendOrdersRequests(server.url, 4);
    await expect.poll(async () => (await ordersRequests()) - before).toBe(4);
    for (const path of DASHBOARD_ENDPOINTS) {
      expect((await fetch(`${server.url}${path}`, { headers: { Authorization: `bearer ${TOKEN}` } })).status, path).toBe(200);
    }
  });

  test('a browser signs in with the token, a wrong one is refused and nothing is shown, and signing out closes it again', async ({ page, context }) => {
    const errors = collectConsoleErrors(page, { ignoreHttpErrorResponses: true });
    const response = await page.goto(`${server.url}/meterboard?window=1m`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'Sign in to meterboard' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Routes' })).toHaveCount(0);

    await page.getByLabel('Access token').fill(`${TOKEN}x`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('That is not the token in METRICS_AUTH_TOKEN.');
    expect(await context.cookies()).toEqual([]);

    await sendOrdersRequests(server.url, 2);
    await page.getByLabel('Access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const routes = page.getByRole('table', { name: 'Routes' });
    await expect(routes.getByRole('row', { name: /GET \/api\/orders/ })).toBeVisible();

    // The cookie proves the token without holding it, and scripts cannot read it.
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'meterboard_session', httpOnly: true, sameSite: 'Strict' });
    expect(cookie.value).not.toContain(TOKEN);
    // The same browser now reads every page and /metrics without typing the token again.
    expect((await page.goto(`${server.url}/meterboard/explorer`))?.status()).toBe(200);
    expect((await page.goto(`${server.url}/metrics`))?.status()).toBe(200);
    expect(errors).toEqual([]);

    // Signing out forgets the cookie: the sign-in page is back, and the data is closed again.
    await page.goto(`${server.url}/meterboard`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to meterboard' })).toBeVisible();
    expect(await context.cookies()).toEqual([]);
    expect((await page.request.get(`${server.url}/meterboard/api/stats`)).status()).toBe(401);
  });
});

test.describe('next start with a malformed METRICS_AUTH_TOKEN', () => {
  // Too short: a token that does not parse must close everything, not open it.
  const tooShort = TOKEN.slice(0, 10);
  const server = new OwnServer(MISCONFIGURED_TOKEN_PORT, { METRICS_AUTH_TOKEN: tooShort, METRICS_PUBLIC: 'true' });
  test.beforeAll(async () => server.start());
  test.afterAll(async () => server.stop());

  test('every telemetry surface refuses everyone and says which variable to fix, never its value', async ({ page }) => {
    for (const path of ['/metrics', ...DASHBOARD_ENDPOINTS]) {
      for (const authorization of [undefined, `Bearer ${tooShort}`]) {
        const response = await fetch(`${server.url}${path}`, { headers: authorization ? { Authorization: authorization } : {} });
        expect(response.status, path).toBe(503);
        const body = (await response.json()) as ApiError;
        expect(body.error.code).toBe('access_misconfigured');
        expect(body.error.message).toMatch(/METRICS_AUTH_TOKEN/);
      }
    }
    const response = await page.goto(`${server.url}/meterboard`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'The dashboard is closed' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(/^METRICS_AUTH_TOKEN must be at least 16 characters/);
    await expect(page.getByRole('main')).not.toContainText(tooShort);
    await expect.poll(() => server.output).toMatch(/\[meterboard\] .*METRICS_AUTH_TOKEN must be at least 16 characters/);
    expect(server.output).not.toContain(tooShort);
    // The app itself serves as usual.
    expect((await fetch(`${server.url}/api/orders`)).status).toBe(200);
  });
});
