// Dashboard cost: the browser's main thread while the dashboard shows the 15-minute window and
// polls every second, in Debian's Chromium (as the e2e specs run it) against `next start` under a
// light, steady load. Chromium's own counters (CDP Performance.getMetrics, TaskDuration) give the
// busy time; the network log gives what each poll transferred.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { test } from 'vitest';
import { ensureProductionBuild, NextServer } from './next-server.js';
import { report, round, SHORT } from './report.js';

const MEASURE_S = SHORT ? 3 : 60;
const SETTLE_S = SHORT ? 2 : 10;
const BACKGROUND_REQUESTS_PER_SECOND = 20;
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
// The demo routes the background load requests, so the charts and tables have something to draw.
const BACKGROUND_PATHS = ['/api/orders', '/api/orders/1001', '/api/orders/990001', '/orders', '/api/health'];

async function launch(): Promise<Browser> {
  return chromium.launch(
    existsSync(SYSTEM_CHROMIUM)
      ? { executablePath: SYSTEM_CHROMIUM, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] }
      : {},
  );
}

test('dashboard', async () => {
  ensureProductionBuild();
  const server = new NextServer(4201, { OTEL_SERVICE_NAME: 'bench-dashboard' });
  await server.start();
  let sent = 0;
  const load = setInterval(() => {
    for (let i = 0; i < BACKGROUND_REQUESTS_PER_SECOND / 10; i++) void fetch(`${server.url}${BACKGROUND_PATHS[sent++ % BACKGROUND_PATHS.length]}`).then((response) => response.arrayBuffer(), () => undefined);
  }, 100);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    const cdp = await page.context().newCDPSession(page);
    const polls: Array<{ requestId: string; url: string }> = [];
    const transferred = new Map<string, number>();
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
      if (new URL(request.url).pathname === '/meterboard/api/stats') polls.push({ requestId, url: request.url });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => transferred.set(requestId, encodedDataLength));
    await page.goto(`${server.url}/meterboard?window=15m`);
    await page.getByRole('figure', { name: 'Request rate by status class' }).waitFor();
    await page.waitForTimeout(SETTLE_S * 1000);

    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));
    const before = await metrics();
    const pollsBefore = polls.length;
    await page.waitForTimeout(MEASURE_S * 1000);
    const after = await metrics();

    const seconds = after.Timestamp - before.Timestamp;
    const busy = (after.TaskDuration - before.TaskDuration) / seconds;
    const measured = polls.slice(pollsBefore).filter(({ requestId }) => transferred.has(requestId));
    const incremental = measured.filter(({ url }) => new URL(url).searchParams.has('since'));
    const bytes = incremental.map(({ requestId }) => transferred.get(requestId)!).sort((a, b) => a - b);
    const medianBytes = bytes.length > 0 ? bytes[Math.floor(bytes.length / 2)] : 0;
    report({
      scenario: 'dashboard',
      method: `/meterboard?window=15m in Chromium (1280×1600) for ${round(seconds)} s after ${SETTLE_S} s to settle, the server under ${BACKGROUND_REQUESTS_PER_SECOND} requests/s; main-thread busy = Δ TaskDuration / Δ time (CDP Performance.getMetrics).`,
      rows: [
        { measure: 'main thread busy (% of the time)', value: round(busy * 100) },
        { measure: 'script (% of the time)', value: round(((after.ScriptDuration - before.ScriptDuration) / seconds) * 100) },
        { measure: 'layout (% of the time)', value: round(((after.LayoutDuration - before.LayoutDuration) / seconds) * 100) },
        { measure: 'polls of /meterboard/api/stats per second', value: round(measured.length / seconds) },
        { measure: 'incremental polls, median bytes on the wire', value: medianBytes },
        { measure: 'JS heap used at the end (MB)', value: round(after.JSHeapUsedSize / 2 ** 20) },
      ],
      targets: [{ metric: 'dashboard main thread busy, 15m window polled every second', value: busy * 100, unit: '%', limit: 10 }],
    });
  } finally {
    clearInterval(load);
    await browser.close();
    await server.stop();
  }
});
