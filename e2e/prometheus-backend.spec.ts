import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Stats } from 'meterboard';
import { parseExposition, sumOf } from './metrics-text';
import { OwnServer } from './own-server';
import { FLEET_DASHBOARD_PORT, FLEET_OTHER_PORT, FLEET_PROMETHEUS_PORT } from './ports';
import { PrometheusProcess } from './prometheus-process';
import { createOrder } from './new-order';

// Two instances of the app scraped every second by a real Prometheus, which also loads
// deploy/alerts.yml. One instance's dashboard reads Prometheus (METRICS_SOURCE=prometheus), so
// it shows the fleet: its totals must be the sum of both instances' own counters.
const prometheus = new PrometheusProcess(FLEET_PROMETHEUS_PORT);
const dashboard = new OwnServer(FLEET_DASHBOARD_PORT, {
  METRICS_PUBLIC: 'true',
  METRICS_SOURCE: 'prometheus',
  PROMETHEUS_URL: prometheus.url,
  PROMETHEUS_SCRAPE_INTERVAL: '1',
});
const other = new OwnServer(FLEET_OTHER_PORT, { METRICS_PUBLIC: 'true' });
const instances = [dashboard, other];

const PROMETHEUS_CONFIG = `
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: [${JSON.stringify(resolve('deploy/alerts.yml'))}]
scrape_configs:
  - job_name: meterboard
    static_configs:
      - targets: [${instances.map((instance) => `'127.0.0.1:${instance.port}'`).join(', ')}]
`;

const REQUEST_COUNT = 'http_server_request_duration_seconds_count';
/** What an instance's own /metrics says it served. */
async function ownCount(server: OwnServer, labels: Record<string, string> = {}): Promise<number> {
  return sumOf(parseExposition(await (await fetch(`${server.url}/metrics`)).text()), REQUEST_COUNT, labels);
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

/** Epoch seconds before any traffic: the PromQL checks look for data from then on. */
let trafficStart = 0;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await Promise.all([dashboard.start(), other.start()]);
  await prometheus.start(PROMETHEUS_CONFIG);
  trafficStart = Math.floor(Date.now() / 1000);
});

test.afterAll(async () => {
  prometheus.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
});

test('the dashboard reading Prometheus shows the whole fleet: its totals are the sum of both instances', async ({ page }) => {
  // Traffic to both: plain reads, shipments that sometimes fail (500s), a server action on one.
  for (let i = 0; i < 7; i++) expect((await fetch(`${dashboard.url}/api/orders`)).status).toBe(200);
  for (let i = 0; i < 5; i++) expect((await fetch(`${other.url}/api/orders`)).status).toBe(200);
  // The demo carrier refuses one shipment in four at random: ship until both outcomes were seen,
  // twice, with a scrape between, because rate() and increase() cannot count the sample that creates a series.
  let shipments = 0;
  const shipUntilBothOutcomes = async () => {
    for (const seen = new Set<number>(); seen.size < 2; shipments++) {
      const response = await fetch(`${other.url}/api/orders/1001/ship`, { method: 'POST' });
      await response.arrayBuffer();
      seen.add(response.status);
    }
  };
  await shipUntilBothOutcomes();
  await expect.poll(async () => (await prometheus.query(`${REQUEST_COUNT}{http_route="/api/orders/[id]/ship"}`)).length, { timeout: 30_000 }).toBe(2);
  await shipUntilBothOutcomes();
  // Two orders, the second after Prometheus has seen the first: increase() cannot count the sample that creates a series.
  const createFleetOrder = () => createOrder(page, (form) => form.getByLabel('Item').fill('Fleet beans'), other.url);
  await createFleetOrder();
  await expect.poll(async () => (await prometheus.query('next_server_action_duration_seconds_count')).length, { timeout: 30_000 }).toBe(1);
  await createFleetOrder();

  // Once Prometheus has scraped what both counted, the dashboard's numbers are theirs added up.
  await page.goto('about:blank');
  const ownTotal = async () => (await ownCount(dashboard)) + (await ownCount(other));
  const fleetStats = async () => {
    // The hour: its window numbers cover the whole test however slowly it ran (a minute may not).
    const response = await fetch(`${dashboard.url}/meterboard/api/stats?window=1h`);
    expect(response.status).toBe(200);
    return (await response.json()) as Stats;
  };
  let stats = await fleetStats();
  await expect
    .poll(
      async () => {
        const total = await ownTotal();
        stats = await fleetStats();
        return stats.totals.requestsSinceStart - total;
      },
      { timeout: 30_000 },
    )
    .toBe(0);
  expect(stats.totals.requestsSinceStart).toBeGreaterThan(12);
  const orders = stats.routes.find((row) => row.method === 'GET' && row.route === '/api/orders');
  expect(orders?.requestsSinceStart).toBe(12);
  const shipRow = stats.routes.find((row) => row.method === 'POST' && row.route === '/api/orders/[id]/ship');
  expect(shipRow?.requestsSinceStart).toBe(shipments);
  expect(stats.instances?.map((instance) => [instance.instance, instance.up])).toEqual(
    instances.map((instance) => [`127.0.0.1:${instance.port}`, true]).sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
  expect(stats.serverActions.map((action) => action.name)).toContain('createOrderAction');
  // Window numbers are Prometheus's rate() and increase(): not exact, but the second round of
  // shipments shows in them, failures included.
  expect(shipRow?.statusCodes['200']).toBeGreaterThan(0);
  expect(shipRow?.statusCodes['500']).toBeGreaterThan(0);
  expect(shipRow?.errorRate).toBeGreaterThan(0);
  expect(shipRow?.errorRate).toBeLessThan(1);
  expect(stats.instances?.find((instance) => instance.instance === `127.0.0.1:${other.port}`)?.requestsPerSecond).toBeGreaterThan(0);
  // As many points as the local history: 60 complete steps and the one in progress, with the failures in them.
  expect(stats.points).toHaveLength(61);
  expect(stats.points.map((point) => point.partial)).toEqual([...Array<boolean>(60).fill(false), true]);
  expect(stats.points.some((point) => point.requestsPerSecond['5xx'] > 0)).toBe(true);
  // Grafana's $__rate_interval for the hour's 60 s steps and the 1 s scrapes.
  expect(stats.promql).toEqual({ selector: 'job="meterboard"', range: '61s' });

  // The same numbers in the browser, with one row per instance.
  await page.goto(`${dashboard.url}/meterboard?window=1h`);
  await expect(page.getByRole('table', { name: 'Instances' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('table', { name: 'Routes' }).getByRole('rowheader', { name: '/api/orders/[id]/ship' })).toBeVisible();
});

test('every PromQL expression of deploy/grafana-dashboard.json parses and returns data from the real Prometheus', async () => {
  const grafana = JSON.parse(readFileSync('deploy/grafana-dashboard.json', 'utf8')) as { panels: Array<{ title: string; targets?: Array<{ expr: string }> }> };
  const expressions = grafana.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })));
  expect(expressions.length).toBeGreaterThan(10);
  // Grafana's variables as a user with this job and every instance picked would have them.
  const concrete = (expr: string) => expr.replaceAll('$job', 'meterboard').replaceAll('$instance', '.*').replaceAll('$__rate_interval', '5m');
  for (const { panel, expr } of expressions) {
    // Data: a number, not the NaN histogram_quantile gives a range without requests, at some time
    // since the first test's traffic (however long ago that was).
    await expect.poll(() => prometheus.hasDataSince(concrete(expr), trafficStart), { message: `${panel}: ${expr}`, timeout: 20_000 }).toBe(true);
  }
  // And every metric it names is one /metrics exports.
  const exported = new Set(parseExposition(await (await fetch(`${other.url}/metrics`)).text()).map((sample) => sample.name));
  // A series name is what stands right before a selector's brace.
  const named = new Set(expressions.flatMap(({ expr }) => [...expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\{/g)].map(([, name]) => name)));
  expect(named.size).toBeGreaterThan(8);
  for (const name of named) expect(exported, name).toContain(name);
});

test('deploy/alerts.yml passes promtool check rules and its unit tests, and Prometheus evaluates every rule without error', async () => {
  const check = spawnSync('promtool', ['check', 'rules', 'deploy/alerts.yml'], { encoding: 'utf8' });
  expect(check.status, check.stdout + check.stderr).toBe(0);
  // deploy/alerts.test.yml drives each burn-rate alert past its threshold and keeps the others quiet.
  const unit = spawnSync('promtool', ['test', 'rules', 'deploy/alerts.test.yml'], { encoding: 'utf8' });
  expect(unit.status, unit.stdout + unit.stderr).toBe(0);
  interface RulesResponse {
    data: { groups: Array<{ rules: Array<{ name: string; health: string; lastError?: string; lastEvaluation: string }> }> };
  }
  const rules = async () => ((await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as RulesResponse).data.groups.flatMap((group) => group.rules);
  await expect.poll(async () => (await rules()).every((rule) => !rule.lastEvaluation.startsWith('0001')), { timeout: 20_000 }).toBe(true);
  expect((await rules()).map((rule) => [rule.name, rule.health, rule.lastError ?? ''])).toEqual((await rules()).map((rule) => [rule.name, 'ok', '']));
  expect(await rules()).toHaveLength(17);
  // The error ratio the alerts watch has data: the shipments above failed some of the time.
  expect((await prometheus.query('job:meterboard_request_errors:ratio_rate5m')).length).toBe(1);
});

test("every chart's PromQL, copied from the page, returns data from the real Prometheus", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The copy button puts exactly the shown queries on the clipboard.
  await page.goto(`${dashboard.url}/meterboard?window=5m`);
  const rateChart = page.getByRole('figure', { name: 'Request rate by status class' });
  await rateChart.getByText('PromQL', { exact: true }).click();
  await rateChart.getByRole('button', { name: 'Copy PromQL' }).click();
  await expect(rateChart.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await rateChart.locator('code').textContent());

  // Every chart of the dashboard, of a route's page and of the explorer: each query returns numbers.
  const pages = [
    `${dashboard.url}/meterboard?window=5m`,
    `${other.url}/meterboard/routes?method=POST&route=${encodeURIComponent('/api/orders/[id]/ship')}&window=5m`,
    `${other.url}/meterboard/explorer?meter=orders&name=orders.created&groupBy=order.channel&window=5m`,
    `${other.url}/meterboard/explorer?meter=orders&name=orders.value&window=5m`,
  ];
  let checked = 0;
  for (const url of pages) {
    await page.goto(url);
    const disclosures = page.locator('figure details.promql');
    await expect(disclosures.first()).toBeAttached();
    for (const code of await disclosures.locator('code').allTextContents()) {
      for (const query of code.split('\n')) {
        // Over the range the page chose for this Prometheus's 1 s scrapes, at some time since the traffic.
        await expect.poll(() => prometheus.hasDataSince(query, trafficStart), { message: `${url}: ${query}`, timeout: 20_000 }).toBe(true);
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThanOrEqual(12);
});

test('when Prometheus stops answering, /meterboard/api/stats says so with a 502 that names PROMETHEUS_URL, not the address, and /metrics carries on', async ({ page }) => {
  prometheus.stop();
  // The answer of the last scrape interval may still be served; then the next poll asks Prometheus.
  await expect
    .poll(async () => (await fetch(`${dashboard.url}/meterboard/api/stats?window=1m`)).status, { timeout: 10_000 })
    .toBe(502);
  const body = (await (await fetch(`${dashboard.url}/meterboard/api/stats?window=1m`)).json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('prometheus_unavailable');
  expect(body.error.message).toMatch(/PROMETHEUS_URL did not answer/);
  expect(body.error.message).not.toContain(String(FLEET_PROMETHEUS_PORT));
  expect((await fetch(`${dashboard.url}/metrics`)).status).toBe(200);
  await page.goto(`${dashboard.url}/meterboard?window=1m`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('PROMETHEUS_URL');
});
