import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

test('promtool check metrics accepts a real scrape', async ({ request }) => {
  // Traffic of every kind first, so the scrape holds histograms, 404s, 5xx and custom instruments.
  await request.get('/api/orders');
  await request.get('/e2e-promtool-unknown');
  await request.post('/api/orders/1002/ship');
  await request.get('/api/orders/report?format=detailed');
  const text = await (await request.get('/metrics')).text();
  expect(text).toContain('http_server_request_duration_seconds_bucket');

  // promtool prints lint problems and exits non-zero on errors; .ci/run installs it (Debian's prometheus).
  const output = execFileSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8', stdio: 'pipe' });
  expect(output.trim()).toBe('');
});
