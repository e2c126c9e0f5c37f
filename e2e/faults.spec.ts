import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { parseExposition, sumOf, type PrometheusSample } from './metrics-text';
import { OwnServer } from './own-server';
import { FAULTS_PORT } from './ports';

// A server of its own, so the spec can read what Next logged.
const server = new OwnServer(FAULTS_PORT, { METRICS_PUBLIC: 'true' });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

async function scrape(): Promise<PrometheusSample[]> {
  return parseExposition(await (await fetch(`${server.url}/metrics`)).text());
}

const countOf = (samples: PrometheusSample[], labels: Record<string, string | undefined>) => sumOf(samples, 'http_server_request_duration_seconds_count', labels);

test('a handler that throws is counted once per request as a 500 with error.type, and Next logs its error unchanged', async () => {
  const ship = { http_route: '/api/orders/[id]/ship' };
  const before = await scrape();
  // The demo carrier refuses one shipment in four at random: ship until both outcomes were seen.
  let failures = 0;
  let successes = 0;
  for (let i = 0; i < 200 && (failures < 3 || successes < 3); i++) {
    const response = await fetch(`${server.url}/api/orders/1002/ship`, { method: 'POST' });
    expect([200, 500]).toContain(response.status);
    await response.arrayBuffer();
    if (response.status === 500) failures++;
    else successes++;
  }
  await expect
    .poll(async () => countOf(await scrape(), { ...ship, http_response_status_code: '500', error_type: 'CarrierRefusedError' }) - countOf(before, { ...ship, http_response_status_code: '500', error_type: 'CarrierRefusedError' }))
    .toBe(failures);
  const after = await scrape();
  expect(countOf(after, { ...ship, http_response_status_code: '200' }) - countOf(before, { ...ship, http_response_status_code: '200' })).toBe(successes);
  // Next received each error as thrown: it logged the carrier's own message once per failure.
  await expect.poll(() => (server.output.match(/CarrierRefusedError\]?: carrier refused order 1002/g) ?? []).length).toBe(failures);
  expect(server.output).not.toMatch(/\[meterboard\].*(error|fail)/i);
});

test('a client that disconnects mid-response is counted once, aborted with the status that was sent, and is no longer in flight', async () => {
  const exportLabels = { http_route: '/api/orders/export', http_response_status_code: '200', error_type: 'aborted' };
  const before = countOf(await scrape(), exportLabels);

  // Reads the CSV header, then hangs up while the rows are still streaming.
  const firstChunk = await new Promise<string>((resolve, reject) => {
    const request = httpRequest(`${server.url}/api/orders/export`, (response) => {
      response.once('data', (chunk: Buffer) => {
        request.destroy();
        resolve(chunk.toString());
      });
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    request.end();
  });
  expect(firstChunk).toMatch(/^id,item,quantity/);

  await expect.poll(async () => countOf(await scrape(), exportLabels) - before).toBe(1);
  const samples = await scrape();
  expect(sumOf(samples, 'http_server_active_requests', { http_request_method: 'GET' })).toBe(0);
  // A complete export is still a plain 200.
  const completeLabels = { http_route: '/api/orders/export', http_response_status_code: '200', error_type: undefined };
  const completeBefore = countOf(samples, completeLabels);
  const complete = await fetch(`${server.url}/api/orders/export`);
  expect((await complete.text()).trim().split('\n').length).toBeGreaterThan(1);
  await expect.poll(async () => countOf(await scrape(), completeLabels) - completeBefore).toBe(1);
});
