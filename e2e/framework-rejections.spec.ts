import net from 'node:net';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { scrape, sumOf } from './metrics-text';
import { PRODUCTION_PORT } from './ports';

// Requests Next refuses before any code of the app runs. Anyone can send them, so they get an
// error.type of their own (rejected.*) and stay out of the error rate; meterboard's own paths answer
// TRACE themselves, with the 405 their route handlers give every other method they refuse.

/** Sends `head` as is on a fresh connection (no client normalises the target); resolves with the status code. */
function rawStatus(head: string, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(PRODUCTION_PORT, '127.0.0.1', () => {
      socket.write(`${head}\r\nHost: 127.0.0.1:${PRODUCTION_PORT}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    });
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1])));
    socket.on('error', reject);
  });
}

const durationCount = 'http_server_request_duration_seconds_count';

/** Requests recorded with these attributes (undefined: the label is absent) since `before`. */
async function recordedSince(request: APIRequestContext, before: Awaited<ReturnType<typeof scrape>>, where: Record<string, string | undefined>): Promise<number> {
  return sumOf(await scrape(request), durationCount, where) - sumOf(before, durationCount, where);
}

test.describe.configure({ mode: 'serial' });

test('TRACE to a route handler is the 500 Next answers, recorded as rejected.unsupported_method and no error in the route\'s error rate', async ({ request }) => {
  const before = await scrape(request);
  for (let i = 0; i < 3; i++) expect(await rawStatus('TRACE /api/health HTTP/1.1')).toBe(500);
  const rejected = { http_request_method: 'TRACE', http_route: '/api/health', http_response_status_code: '500', error_type: 'rejected.unsupported_method' };
  await expect.poll(() => recordedSince(request, before, rejected)).toBe(3);
  expect(await recordedSince(request, before, { ...rejected, error_type: '500' })).toBe(0);

  // The dashboard's history takes its sample of the second in which they ended a moment later.
  const traceRow = async () => {
    const stats = (await (await request.get('/meterboard/api/stats?window=1m')).json()) as { routes: { method: string; route: string | null; statusCodes: Record<string, number>; errorRate: number | null }[] };
    return stats.routes.find((route) => route.method === 'TRACE' && route.route === '/api/health');
  };
  await expect.poll(async () => (await traceRow())?.statusCodes['500'] ?? 0).toBeGreaterThanOrEqual(3);
  expect((await traceRow())?.errorRate).toBeNull();
});

test('a cross-origin server action is recorded as rejected.cross_origin_action, not as the page failing', async ({ request }) => {
  const before = await scrape(request);
  const head = 'POST /orders HTTP/1.1\r\nOrigin: http://evil.example\r\nNext-Action: 7f00000000000000000000000000000000000000\r\nContent-Type: text/plain;charset=UTF-8';
  expect(await rawStatus(head, '[]')).toBe(500);
  const where = { http_request_method: 'POST', http_route: '/orders', http_response_status_code: '500' };
  await expect.poll(() => recordedSince(request, before, { ...where, error_type: 'rejected.cross_origin_action' })).toBe(1);
  expect(await recordedSince(request, before, { ...where, error_type: '500' })).toBe(0);
  // The action did not run: its series says so too.
  expect(sumOf(await scrape(request), 'next_server_action_duration_seconds_count', { error_type: 'rejected.cross_origin_action' })).toBeGreaterThanOrEqual(1);
});

test('an RSC request with a router state Next cannot parse is recorded as rejected.invalid_router_state', async ({ request }) => {
  const before = await scrape(request);
  // Next first redirects an RSC request to the URL with its cache-busting _rsc parameter; the redirect is followed with the same headers.
  for (let i = 0; i < 3; i++) {
    const response = await request.get('/orders', { headers: { RSC: '1', 'Next-Router-State-Tree': 'garbage' } });
    expect(response.status()).toBe(500);
  }
  await expect.poll(() => recordedSince(request, before, { http_request_method: 'GET', http_route: '/orders', http_response_status_code: '500', error_type: 'rejected.invalid_router_state' })).toBe(3);
});

test('GET * and OPTIONS * are recorded as rejected.invalid_target', async ({ request }) => {
  const before = await scrape(request);
  expect(await rawStatus('GET * HTTP/1.1')).toBe(500);
  expect(await rawStatus('OPTIONS * HTTP/1.1')).toBe(500);
  for (const method of ['GET', 'OPTIONS']) {
    await expect.poll(() => recordedSince(request, before, { http_request_method: method, http_route: undefined, error_type: 'rejected.invalid_target' })).toBe(1);
  }
});

for (const [path, allow] of [
  ['/metrics', 'GET, HEAD, OPTIONS'],
  ['/meterboard/api/stats', 'GET, HEAD, OPTIONS'],
  ['/meterboard', 'GET, HEAD, POST'],
  ['/meterboard/explorer', 'GET, HEAD, POST'],
] as const) {
  test(`TRACE ${path} answers 405 with Allow: ${allow}`, async () => {
    const socket = net.connect(PRODUCTION_PORT, '127.0.0.1');
    socket.write(`TRACE ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    let response = '';
    for await (const chunk of socket) response += chunk.toString();
    expect(response).toMatch(/^HTTP\/1\.1 405 /);
    expect(response).toMatch(new RegExp(`\r\nallow: ${allow}\r\n`, 'i'));
    const body = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
    expect(body.error.code).toBe('method_not_allowed');
  });
}

for (const path of ['/metrics', '/meterboard/api/stats']) {
  test(`OPTIONS ${path} allows what its 405s allow`, async ({ request }) => {
    const options = await request.fetch(path, { method: 'OPTIONS' });
    expect(options.status()).toBe(204);
    const refused = await request.fetch(path, { method: 'PATCH' });
    expect(refused.status()).toBe(405);
    expect(options.headers()['allow']).toBe('GET, HEAD, OPTIONS');
    expect(refused.headers()['allow']).toBe(options.headers()['allow']);
  });
}

test('paths Next normalises to an excluded route are not recorded under it', async ({ request }) => {
  const before = await scrape(request);
  const targets = ['/%2e/metrics', '/./metrics', '/foo/../metrics', '/meterboard/api/stats/%2e%2e/stats', '/meterboard/api/%2e%2e/api/stats', '/%2e/meterboard'];
  // Each reaches the excluded route it names once normalised, which answers it.
  for (const target of targets) expect(await rawStatus(`GET ${target} HTTP/1.1`), target).toBe(200);
  // A request that is recorded shows up within a moment; one more ordinary request is the marker that they would have by now.
  expect(await rawStatus('GET /api/health HTTP/1.1')).toBe(200);
  await expect.poll(() => recordedSince(request, before, { http_request_method: 'GET', http_route: '/api/health' })).toBeGreaterThanOrEqual(1);
  const after = await scrape(request);
  const ownRoutes = after.filter((sample) => sample.name === durationCount && /^\/(metrics|meterboard)/.test(sample.labels.http_route ?? ''));
  expect(ownRoutes).toEqual([]);
});
