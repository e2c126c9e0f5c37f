import { expect, test } from '@playwright/test';
import type { Stats } from 'meterboard';
import { requestCount, scrape } from './metrics-text';

test('/meterboard/api/stats agrees with /metrics for every route', async ({ request }) => {
  for (let i = 0; i < 4; i++) await request.get('/api/orders');
  await request.get('/orders');

  // Both read the same cumulative counts; /meterboard/api/stats lags by up to one sampling interval.
  await expect
    .poll(async () => {
      const samples = await scrape(request);
      const stats = (await (await request.get('/meterboard/api/stats')).json()) as Stats;
      // Not vacuous: the rows this test caused must be there.
      if (!stats.routes.some((row) => row.method === 'GET' && row.route === '/api/orders')) return false;
      return stats.routes.every(
        (row) => row.requestsSinceStart === requestCount(samples, { method: row.method, route: row.route ?? undefined }),
      );
    })
    .toBe(true);
});

test('/meterboard/api/stats has the documented shape', async ({ request }) => {
  await request.get('/api/orders');
  // The history samples once a second: wait until it has the request.
  let stats: Stats | undefined;
  await expect
    .poll(async () => {
      const response = await request.get('/meterboard/api/stats?window=1m');
      expect(response.status()).toBe(200);
      stats = (await response.json()) as Stats;
      return stats.routes.some((route) => route.method === 'GET' && route.route === '/api/orders' && route.requests > 0);
    })
    .toBe(true);
  if (!stats) throw new Error('unreachable');
  expect(stats.service.name).toBe('meterboard-e2e');
  expect(Date.parse(stats.startTime)).toBeLessThanOrEqual(Date.now());
  expect(stats.uptimeSeconds).toBeGreaterThan(0);
  expect(stats.window).toEqual({ name: '1m', seconds: 60, stepSeconds: 1 });
  // From the oldest sample to the latest: never past the window's complete steps and the one in progress.
  expect(stats.coveredSeconds).toBeGreaterThan(0);
  expect(stats.coveredSeconds).toBeLessThan(stats.window.seconds + stats.window.stepSeconds);
  expect(stats.points[0].time).toBeGreaterThanOrEqual(stats.windowStart);
  expect(stats.totals.requestsSinceStart).toBeGreaterThan(0);
  expect(stats.totals.inFlight).toBe(0);
  expect(stats.points.length).toBeGreaterThan(0);
  expect(stats.points.at(-1)?.partial).toBe(true);
  expect(stats.runtime?.heapUsedBytes).toBeGreaterThan(0);
  const row = stats.routes.find((route) => route.method === 'GET' && route.route === '/api/orders');
  expect(row?.durationSeconds.p50).toBeGreaterThan(0);
});

test.describe('bad query parameters get a 400 that names the parameter', () => {
  for (const query of ['window=banana', 'window=2s', 'window=2h', 'window=', 'windw=5m', 'since=yesterday', 'window=1m&window=5m']) {
    test(query, async ({ request }) => {
      const response = await request.get(`/meterboard/api/stats?${query}`);
      expect(response.status()).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toContain(`"${query.split('=')[0]}"`);
    });
  }
});
