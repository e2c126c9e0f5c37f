import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { fixtureStartCommand } from './e2e/fixtures/apps.cjs';
import {
  CACHE_COMPONENTS_PORT,
  CACHE_COMPONENTS_SMALL_LIMIT_PORT,
  CARDINALITY_PORT,
  CREATE_NEXT_APP_PORT,
  DEV_PORT,
  DISABLED_PORT,
  FRESH_PORT,
  MISCONFIGURED_PORT,
  NEXT_15_PORT,
  NEXT_16_0_PORT,
  NEXT_16_1_PORT,
  NEXT_16_2_PORT,
  NEXT_16_3_PORT,
  PRODUCTION_PORT,
  SHOP_PAYMENTS_PORT,
  SHOP_PORT,
  SHOP_RATES_PORT,
} from './e2e/ports';

// Playwright cannot download its browsers on our machines; Debian's chromium is used when present
// (FIELD-NOTES, "Browsers"). As root it needs --no-sandbox, and the network flags keep it quiet.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }
  : {};

// A fixture host app (e2e/fixtures/apps.cjs), built by `npm test` (scripts/prepare-fixtures.mjs),
// served as its users serve it; ready when its dashboard answers (the dashboard is not measured).
const fixtureServer = (name: string, port: number, { basePath = '', env = {} }: { basePath?: string; env?: Record<string, string> } = {}) => ({
  command: fixtureStartCommand(name, port),
  url: `http://127.0.0.1:${port}${basePath}/meterboard`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: { METRICS_PUBLIC: 'true', ...env },
});

// `npm test` builds first (scripts/test-all.mjs); `next start` serves that build.
const productionServer = (port: number, env: Record<string, string> = {}) => ({
  command: `npx next start -p ${port}`,
  // The dashboard page: not measured, so waiting for it leaves a fresh server with no traffic.
  url: `http://127.0.0.1:${port}/meterboard`,
  reuseExistingServer: false,
  timeout: 60_000,
  // Public: these servers' specs read the dashboard without a token; e2e/access.spec.ts starts the private ones.
  env: { OTEL_SERVICE_NAME: 'meterboard-e2e', METRICS_PUBLIC: 'true', ...env },
});

export default defineConfig({
  testDir: 'e2e',
  // The specs count requests on shared servers: one at a time keeps every count exact.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.test-results/e2e.json' }]],
  // Traces and other artifacts go outside the repository: the next dev of e2e/dev.spec.ts watches
  // the whole tree, and every test writes and deletes files here while it runs (in two full runs,
  // that next dev never picked up the spec's edit; alone, it always did).
  outputDir: join(tmpdir(), `meterboard-e2e-output-${createHash('sha256').update(__dirname).digest('hex').slice(0, 10)}`),
  use: { launchOptions, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'production',
      testIgnore: ['host-*.spec.ts', 'next-versions.spec.ts', 'streamed-status.spec.ts', 'lifetime-cardinality.spec.ts', 'access.spec.ts', 'faults.spec.ts', 'otlp-export.spec.ts', 'prometheus-backend.spec.ts', 'prometheus-scrape.spec.ts', 'dev.spec.ts', 'empty-state.spec.ts', 'metrics-off.spec.ts', 'cardinality.spec.ts'],
      use: { baseURL: `http://127.0.0.1:${PRODUCTION_PORT}` },
    },
    // Starts its own private servers (e2e/own-server.ts).
    { name: 'own-servers', testMatch: ['host-access.spec.ts', 'host-dev.spec.ts', 'host-vercel-otel.spec.ts', 'access.spec.ts', 'faults.spec.ts', 'otlp-export.spec.ts', 'prometheus-backend.spec.ts', 'prometheus-scrape.spec.ts'] },
    { name: 'fresh-production', testMatch: 'empty-state.spec.ts', use: { baseURL: `http://127.0.0.1:${FRESH_PORT}` } },
    // Starts its own next dev (e2e/dev.spec.ts) when it runs, not while every other server starts and
    // compiles: once, in a full run, that next dev never picked up an edit.
    { name: 'dev', testMatch: 'dev.spec.ts', use: { baseURL: `http://127.0.0.1:${DEV_PORT}` } },
    { name: 'cardinality', testMatch: 'cardinality.spec.ts', use: { baseURL: `http://127.0.0.1:${CARDINALITY_PORT}` } },
    { name: 'cache-components', testMatch: ['host-cache-components.spec.ts', 'streamed-status.spec.ts', 'lifetime-cardinality.spec.ts'], use: { baseURL: `http://127.0.0.1:${CACHE_COMPONENTS_PORT}` } },
    { name: 'create-next-app', testMatch: 'host-create-next-app.spec.ts', use: { baseURL: `http://127.0.0.1:${CREATE_NEXT_APP_PORT}` } },
    { name: 'shop', testMatch: ['host-shop.spec.ts', 'host-outgoing-calls.spec.ts'], use: { baseURL: `http://127.0.0.1:${SHOP_PORT}` } },
    // The route template and server action specs of the version matrix, one project per Next version.
    { name: 'next-15.5', testMatch: 'next-versions.spec.ts', use: { baseURL: `http://127.0.0.1:${NEXT_15_PORT}` } },
    { name: 'next-16.0', testMatch: 'next-versions.spec.ts', use: { baseURL: `http://127.0.0.1:${NEXT_16_0_PORT}` } },
    { name: 'next-16.1', testMatch: 'next-versions.spec.ts', use: { baseURL: `http://127.0.0.1:${NEXT_16_1_PORT}` } },
    { name: 'next-16.2', testMatch: 'next-versions.spec.ts', use: { baseURL: `http://127.0.0.1:${NEXT_16_2_PORT}` } },
    { name: 'next-16.3', testMatch: 'next-versions.spec.ts', use: { baseURL: `http://127.0.0.1:${NEXT_16_3_PORT}` } },
    { name: 'disabled', testMatch: 'metrics-off.spec.ts', use: { baseURL: `http://127.0.0.1:${DISABLED_PORT}` } },
    { name: 'misconfigured', testMatch: 'metrics-off.spec.ts', use: { baseURL: `http://127.0.0.1:${MISCONFIGURED_PORT}` } },
  ],
  webServer: [
    // Per-request attributes on, so e2e/route-template.spec.ts sees withRouteMetrics' attribute.
    productionServer(PRODUCTION_PORT, { METRICS_REQUEST_ATTRIBUTES: 'true' }),
    productionServer(FRESH_PORT),
    productionServer(DISABLED_PORT, { OTEL_SDK_DISABLED: 'true' }),
    productionServer(MISCONFIGURED_PORT, { METRICS_EXCLUDE_PATHS: 'metrics' }),
    productionServer(CARDINALITY_PORT, { METRICS_CARDINALITY_LIMIT: '4' }),
    fixtureServer('cache-components', CACHE_COMPONENTS_PORT),
    fixtureServer('cache-components', CACHE_COMPONENTS_SMALL_LIMIT_PORT, { env: { METRICS_CARDINALITY_LIMIT: '5' } }),
    fixtureServer('create-next-app', CREATE_NEXT_APP_PORT),
    // Its payment provider and rates service are started by e2e/host-outgoing-calls.spec.ts.
    fixtureServer('shop', SHOP_PORT, {
      basePath: '/shop',
      env: { PAYMENTS_URL: `http://127.0.0.1:${SHOP_PAYMENTS_PORT}`, SHIPPING_RATES_URL: `http://127.0.0.1:${SHOP_RATES_PORT}` },
    }),
    fixtureServer('next-15.5', NEXT_15_PORT),
    fixtureServer('next-16.0', NEXT_16_0_PORT),
    fixtureServer('next-16.1', NEXT_16_1_PORT),
    fixtureServer('next-16.2', NEXT_16_2_PORT),
    fixtureServer('next-16.3', NEXT_16_3_PORT),
  ],
});
