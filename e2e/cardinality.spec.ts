import { expect, test } from '@playwright/test';
import { scrape, sumOf } from './metrics-text';

// This server runs with METRICS_CARDINALITY_LIMIT=4: three series of http.server.request.duration and the overflow one.
const PATHS = ['/api/health', '/api/orders', '/api/orders/1001', '/api/orders/990001', '/orders', '/no-such-page'];

test('past the cardinality limit an instrument keeps one overflow series, nothing is lost, and the dashboard names it', async ({ page, request }) => {
  // A scrape (a collection) between requests: the limit counts the series of the process's lifetime, not of one collection.
  for (const path of PATHS) {
    await request.get(path);
    await scrape(request);
  }

  const samples = await scrape(request);
  const counts = samples.filter((sample) => sample.name === 'http_server_request_duration_seconds_count');
  expect(counts).toHaveLength(4);
  expect(counts.filter((sample) => sample.labels.otel_metric_overflow === 'true')).toHaveLength(1);
  // Every request is still counted: in its own series or in the overflow one.
  expect(sumOf(samples, 'http_server_request_duration_seconds_count', {})).toBe(PATHS.length);

  await page.goto('/meterboard');
  const warning = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Cardinality limit reached' }) });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('link', { name: 'http.server.request.duration' })).toHaveAttribute('href', /meter=meterboard&name=http.server.request.duration/);
});
