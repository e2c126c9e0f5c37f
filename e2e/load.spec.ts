import { expect, test } from '@playwright/test';
import autocannon from 'autocannon';
import { requestCount, scrape } from './metrics-text';

const REQUESTS = 3_000;
const CONNECTIONS = 32;

/** Requests `path` every 50 ms until `done` resolves; every status and latency (ms). */
async function pollWhile(baseURL: string, path: string, done: Promise<unknown>): Promise<Array<{ status: number; ms: number }>> {
  const results: Array<{ status: number; ms: number }> = [];
  let finished = false;
  void done.then(() => (finished = true));
  while (!finished) {
    const start = performance.now();
    const response = await fetch(`${baseURL}${path}`);
    await response.arrayBuffer();
    results.push({ status: response.status, ms: performance.now() - start });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return results;
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)];
}

test('under a saturating load every response is counted exactly once, and /metrics and /meterboard/api/stats keep answering', async ({ request, baseURL }) => {
  const before = requestCount(await scrape(request), { method: 'GET', route: '/api/health' });
  const load = autocannon({ url: `${baseURL}/api/health`, connections: CONNECTIONS, amount: REQUESTS });
  const [result, metricsPolls, statsPolls] = await Promise.all([load, pollWhile(baseURL!, '/metrics', load), pollWhile(baseURL!, '/meterboard/api/stats', load)]);

  expect(result.errors).toBe(0);
  expect(result.non2xx).toBe(0);
  expect(result['2xx']).toBe(REQUESTS);
  // A response is recorded when it closes, which may come a tick after its last byte left: poll briefly.
  await expect.poll(async () => requestCount(await scrape(request), { method: 'GET', route: '/api/health' }) - before, { timeout: 2_000 }).toBe(result['2xx']);

  for (const polls of [metricsPolls, statsPolls]) {
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((poll) => poll.status === 200)).toBe(true);
  }
  const report = `${REQUESTS} requests at ${CONNECTIONS} connections, ${Math.round(result.requests.average)} requests/s; under that load /metrics p99 ${p99(metricsPolls.map((poll) => poll.ms)).toFixed(1)} ms (${metricsPolls.length} scrapes), /meterboard/api/stats p99 ${p99(statsPolls.map((poll) => poll.ms)).toFixed(1)} ms (${statsPolls.length} polls)`;
  test.info().annotations.push({ type: 'load', description: report });
  console.log(report);
});
