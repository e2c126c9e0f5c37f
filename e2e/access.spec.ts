import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';
import { parseExposition, requestCount } from './metrics-text';
import { OwnServer } from './own-server';
import { fixtureDir } from './fixtures/apps.cjs';
import { MISCONFIGURED_TOKEN_PORT, NODE_ENV_DEVELOPMENT_15_PORT, NODE_ENV_DEVELOPMENT_PORT, PRIVATE_PORT, TOKEN_PORT } from './ports';

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

test.describe('next start with NODE_ENV=development', () => {
  // A stray NODE_ENV does not make a production build next dev: the dashboard stays private.
  const server = new OwnServer(NODE_ENV_DEVELOPMENT_PORT, { NODE_ENV: 'development' });
  test.beforeAll(async () => server.start());
  test.afterAll(async () => server.stop());

  test('the dashboard and its endpoints stay private, and the log says why NODE_ENV did not open them', async ({ page }) => {
    for (const path of DASHBOARD_ENDPOINTS) expect((await fetch(`${server.url}${path}`)).status, path).toBe(403);
    await page.goto(`${server.url}/meterboard`);
    await expect(page.getByRole('heading', { name: 'The dashboard is private' })).toBeVisible();
    await expect
      .poll(() => accessLines(server.output))
      .toEqual([expect.stringContaining('answer 403 (NODE_ENV=development, but this server runs a production build, not next dev) until METRICS_AUTH_TOKEN')]);
  });
});

test.describe('next start of the Next 15.5 fixture with NODE_ENV=development', () => {
  // Next 15.5 inlines no __NEXT_DEV_SERVER: there meterboard reads NODE_ENV as Next compiled it.
  const server = new OwnServer(NODE_ENV_DEVELOPMENT_15_PORT, { NODE_ENV: 'development' }, fixtureDir('next-15.5'));
  test.beforeAll(async () => server.start());
  test.afterAll(async () => server.stop());

  test('stays private too', async () => {
    for (const path of DASHBOARD_ENDPOINTS) expect((await fetch(`${server.url}${path}`)).status, path).toBe(403);
    await expect.poll(() => accessLines(server.output)).toEqual([expect.stringContaining('(NODE_ENV=development, but this server runs a production build, not next dev)')]);
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

    // A sign-in lasts 8 hours by default (METRICS_SESSION_MAX_AGE), in the browser as on the server.
    expect(cookie.expires - Date.now() / 1000).toBeGreaterThan(8 * 3600 - 120);
    expect(cookie.expires - Date.now() / 1000).toBeLessThanOrEqual(8 * 3600);
    const withCookie = { headers: { Cookie: `${cookie.name}=${cookie.value}` } };
    expect((await fetch(`${server.url}/meterboard/api/stats`, withCookie)).status).toBe(200);

    // Signing out forgets the cookie: the sign-in page is back, and the data is closed again.
    await page.goto(`${server.url}/meterboard`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to meterboard' })).toBeVisible();
    expect(await context.cookies()).toEqual([]);
    expect((await page.request.get(`${server.url}/meterboard/api/stats`)).status()).toBe(401);
    // The session ended on the server too: a copy of the old cookie opens nothing any more.
    expect((await fetch(`${server.url}/meterboard/api/stats`, withCookie)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, withCookie)).status).toBe(401);
  });

  test('the sign-in page carries the security headers for prefetch requests too', async () => {
    for (const headers of [{ 'Next-Router-Prefetch': '1' }, { Purpose: 'prefetch' }, { 'Sec-Purpose': 'prefetch' }] as Record<string, string>[]) {
      const response = await fetch(`${server.url}/meterboard`, { headers });
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('Sign in to meterboard');
      expect(response.headers.get('content-security-policy'), JSON.stringify(headers)).toMatch(/script-src 'self' 'nonce-/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  test('two browsers signing in at once get different sessions, and signing out one leaves the other', async ({ browser }) => {
    const signIn = async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/meterboard`);
      await page.getByLabel('Access token').fill(TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
      return { context, page, cookie: (await context.cookies())[0] };
    };
    const [first, second] = await Promise.all([signIn(), signIn()]);
    expect(first.cookie.value).not.toBe(second.cookie.value);
    await first.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(first.page.getByRole('heading', { name: 'Sign in to meterboard' })).toBeVisible();
    expect((await second.page.request.get(`${server.url}/meterboard/api/stats`)).status()).toBe(200);
    await Promise.all([first.context.close(), second.context.close()]);
  });

  test('one client gets 10 wrong tokens a minute on the sign-in form, then even the right one is refused unchecked; other clients go on; the log stays short', async ({ browser }) => {
    // Next keeps a client's X-Forwarded-For (it fills in the socket's address only when there is none): one header, one client.
    const client = async (address: string) => {
      const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
      const page = await context.newPage();
      await page.goto(`${server.url}/meterboard`);
      return { context, page };
    };
    const attacker = await client('203.0.113.7');
    for (let i = 0; i < 10; i++) {
      await attacker.page.getByLabel('Access token').fill(`${TOKEN}${i}`);
      await attacker.page.getByRole('button', { name: 'Sign in' }).click();
      await expect(attacker.page.getByRole('main').getByRole('alert')).toHaveText('That is not the token in METRICS_AUTH_TOKEN.');
      // The next attempt starts from a fresh form, so each alert is that attempt's.
      await attacker.page.reload();
    }
    await attacker.page.getByLabel('Access token').fill(TOKEN);
    await attacker.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(attacker.page.getByRole('main').getByRole('alert')).toHaveText(/^Too many wrong tokens: try again in ([1-5]?[0-9]|60) s\.$/);
    expect(await attacker.context.cookies()).toEqual([]);

    const neighbour = await client('203.0.113.8');
    await neighbour.page.getByLabel('Access token').fill(TOKEN);
    await neighbour.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(neighbour.page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    // The first refusal is logged at once, the rest in at most one line a minute since then.
    const refusals = () => server.output.split('\n').filter((line) => line.includes('[meterboard] access refused:'));
    await expect.poll(refusals).not.toEqual([]);
    expect(refusals()[0]).toMatch(/access refused: 1 wrong (token on the sign-in form|bearer token); the next such line comes 60 s later at the earliest\./);
    expect(refusals().length).toBeLessThanOrEqual(1 + Math.ceil((Date.now() - server.startedAt) / 60_000));
    expect(server.output).not.toContain(TOKEN);
    await Promise.all([attacker.context.close(), neighbour.context.close()]);
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
    // The app itself serves as usual, and is measured: access is about reading, not recording.
    expect((await fetch(`${server.url}/api/orders`)).status).toBe(200);
    expect(server.output).toContain('[meterboard] measuring HTTP requests');
    expect(server.output).not.toContain('metrics are off');
  });
});
