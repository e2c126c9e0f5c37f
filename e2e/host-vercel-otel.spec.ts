import { expect, test } from '@playwright/test';
import type { Stats } from 'meterboard';
import { fixtureDir } from './fixtures/apps.cjs';
import { parseExposition, requestCount, sumOf, type PrometheusSample } from './metrics-text';
import { OwnServer } from './own-server';
import { VERCEL_OTEL_PORT, VERCEL_OTEL_SHARED_PORT } from './ports';

// e2e/fixtures/vercel-otel: an app whose instrumentation.ts already runs @vercel/otel. Traces only
// (its default): meterboard's provider measures next to it. With the app's own MeterProvider
// (registerOTel({ metricReaders: [meterboardMetricReader()] })): meterboard reads that one.
const APP = fixtureDir('vercel-otel');

async function scrapeOf(server: OwnServer): Promise<PrometheusSample[]> {
  const response = await fetch(`${server.url}/metrics`);
  expect(response.status).toBe(200);
  return parseExposition(await response.text());
}

for (const { mode, port, env, serviceName } of [
  { mode: 'next to @vercel/otel tracing', port: VERCEL_OTEL_PORT, env: {}, serviceName: 'vercel-otel-host' },
  { mode: "inside @vercel/otel's MeterProvider", port: VERCEL_OTEL_SHARED_PORT, env: { SHARE_METER_PROVIDER: 'true' }, serviceName: 'orders-api' },
]) {
  test.describe(mode, () => {
    const server = new OwnServer(port, { METRICS_PUBLIC: 'true', OTEL_SERVICE_NAME: '', ...env }, APP);
    test.beforeAll(async () => server.start());
    test.afterAll(async () => server.stop());

    test("requests are counted by route, the app's own counter reaches /metrics and the dashboard, and nothing fails", async () => {
      for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/api/orders`)).status).toBe(200);
      await expect.poll(async () => requestCount(await scrapeOf(server), { method: 'GET', route: '/api/orders', status: 200 })).toBe(3);
      const samples = await scrapeOf(server);
      expect(sumOf(samples, 'orders_listed_total', { orders_source: 'api', otel_scope_name: 'orders-api' })).toBe(3);
      expect(samples.find((sample) => sample.name === 'target_info')?.labels.service_name).toBe(serviceName);

      // The dashboard's history samples once a second: the counter is there from the next sample on.
      const instruments = async () => ((await (await fetch(`${server.url}/meterboard/api/stats?window=1m`)).json()) as Stats).instruments.map((instrument) => instrument.name);
      await expect.poll(instruments).toContain('orders.listed');
      expect(server.output).not.toMatch(/\[meterboard\] (failed|another global MeterProvider)/);
      expect(server.output).not.toMatch(/duplicate registration/i);
    });
  });
}
