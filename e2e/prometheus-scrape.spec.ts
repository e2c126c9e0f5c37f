import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { OwnServer } from './own-server';
import { PROMETHEUS_PORT, SCRAPED_PORT } from './ports';
import { PrometheusProcess } from './prometheus-process';

// deploy/prometheus.yml, as documented, scraping a server that requires a token: a real Prometheus
// (Debian's package) gets in with the token file and is refused without it.
const TOKEN = randomBytes(24).toString('hex');
const app = new OwnServer(SCRAPED_PORT, { METRICS_AUTH_TOKEN: TOKEN });
const prometheus = new PrometheusProcess(PROMETHEUS_PORT);

function configFor(target: string, tokenFile: string): string {
  const documented = readFileSync('deploy/prometheus.yml', 'utf8');
  const config = documented
    .replace('scrape_interval: 15s', 'scrape_interval: 1s')
    .replace('credentials_file: /etc/prometheus/meterboard-token', `credentials_file: ${tokenFile}`)
    .replace("['localhost:3000']", `['${target}']`);
  expect(config).toContain(`credentials_file: ${tokenFile}`);
  expect(config).toContain(target);
  // The same job without the authorization block: the one a token-less Prometheus would run.
  const withoutToken = config.replace('job_name: meterboard', 'job_name: meterboard-no-token').replace(/\n\s*authorization:\n\s*type: Bearer\n\s*credentials_file: \S+/, '');
  const [, secondJob] = withoutToken.split('scrape_configs:\n');
  return `${config}\n${secondJob}`;
}


test.beforeAll(async () => {
  await app.start();
  const tokenFile = join(prometheus.directory, 'meterboard-token');
  writeFileSync(tokenFile, TOKEN);
  await prometheus.start(configFor(`127.0.0.1:${SCRAPED_PORT}`, tokenFile));
});

test.afterAll(async () => {
  prometheus.stop();
  await app.stop();
});

test('Prometheus scrapes a token-protected /metrics with the documented config, and is refused without the token', async () => {
  test.setTimeout(90_000);
  for (let i = 0; i < 5; i++) expect((await fetch(`${app.url}/api/orders`)).status).toBe(200);

  await expect.poll(async () => (await prometheus.query('up')).map(({ metric, value }) => `${metric.job}=${value}`).sort(), { timeout: 30_000 }).toEqual([
    'meterboard-no-token=0',
    'meterboard=1',
  ]);
  await expect
    .poll(async () => (await prometheus.query('sum(http_server_request_duration_seconds_count{job="meterboard",http_route="/api/orders"})'))[0]?.value, { timeout: 30_000 })
    .toBe(5);
  const targets = (await (await fetch(`${prometheus.url}/api/v1/targets`)).json()) as {
    data: { activeTargets: Array<{ labels: { job: string }; lastError: string }> };
  };
  const refused = targets.data.activeTargets.find((target) => target.labels.job === 'meterboard-no-token');
  expect(refused?.lastError).toMatch(/401/);
});
