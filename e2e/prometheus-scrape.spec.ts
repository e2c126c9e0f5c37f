import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { OwnServer } from './own-server';
import { PROMETHEUS_PORT, SCRAPED_PORT } from './ports';

// deploy/prometheus.yml, as documented, scraping a server that requires a token: a real Prometheus
// (Debian's package) gets in with the token file and is refused without it.
const TOKEN = randomBytes(24).toString('hex');
const app = new OwnServer(SCRAPED_PORT, { METRICS_AUTH_TOKEN: TOKEN });
const directory = mkdtempSync(join(tmpdir(), 'meterboard-prometheus-'));
const prometheusUrl = `http://127.0.0.1:${PROMETHEUS_PORT}`;
let prometheus: ChildProcess | undefined;

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

interface Vector {
  data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
}

async function query(promql: string): Promise<Vector['data']['result']> {
  const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
  return ((await response.json()) as Vector).data.result;
}

test.beforeAll(async () => {
  await app.start();
  const tokenFile = join(directory, 'meterboard-token');
  writeFileSync(tokenFile, TOKEN);
  writeFileSync(join(directory, 'prometheus.yml'), configFor(`127.0.0.1:${SCRAPED_PORT}`, tokenFile));
  prometheus = spawn(
    'prometheus',
    [`--config.file=${join(directory, 'prometheus.yml')}`, `--storage.tsdb.path=${join(directory, 'data')}`, `--web.listen-address=127.0.0.1:${PROMETHEUS_PORT}`],
    { stdio: 'ignore' },
  );
  let spawnError: Error | undefined;
  prometheus.once('error', (error) => (spawnError = error));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${prometheusUrl}/-/ready`).then((response) => response.ok, () => false);
    if (ready) break;
    if (spawnError) throw new Error(`cannot run prometheus (on Debian: apt-get install -y prometheus): ${spawnError.message}`);
    if (Date.now() > deadline) throw new Error(`prometheus did not get ready on ${prometheusUrl} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

test.afterAll(async () => {
  prometheus?.kill('SIGKILL');
  await app.stop();
  rmSync(directory, { recursive: true, force: true });
});

test('Prometheus scrapes a token-protected /metrics with the documented config, and is refused without the token', async () => {
  test.setTimeout(90_000);
  for (let i = 0; i < 5; i++) expect((await fetch(`${app.url}/api/orders`)).status).toBe(200);

  await expect.poll(async () => (await query('up')).map(({ metric, value }) => `${metric.job}=${value[1]}`).sort(), { timeout: 30_000 }).toEqual([
    'meterboard-no-token=0',
    'meterboard=1',
  ]);
  await expect
    .poll(async () => (await query('sum(http_server_request_duration_count{job="meterboard",http_route="/api/orders"})'))[0]?.value[1], { timeout: 30_000 })
    .toBe('5');
  const targets = (await (await fetch(`${prometheusUrl}/api/v1/targets`)).json()) as {
    data: { activeTargets: Array<{ labels: { job: string }; lastError: string }> };
  };
  const refused = targets.data.activeTargets.find((target) => target.labels.job === 'meterboard-no-token');
  expect(refused?.lastError).toMatch(/401/);
});
