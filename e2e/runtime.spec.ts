import { expect, test } from '@playwright/test';
import { scrape, sumOf } from './metrics-text';

test('the runtime panel shows the server process health in numbers', async ({ page }) => {
  await page.goto('/meterboard');
  const panel = page.getByRole('region', { name: 'Runtime' });
  const value = (label: string) => panel.getByRole('group', { name: label }).locator('.kpi-value');
  await expect(value('Heap used')).toHaveText(/^\d+(\.\d+)? MB$/);
  await expect(value('RSS')).toHaveText(/^\d+(\.\d+)? (MB|GB)$/);
  await expect(value('Event loop delay')).toHaveText(/^\d+(\.\d+)? (µs|ms|s)$/);
  await expect(value('Event loop utilization')).toHaveText(/^\d+(\.\d+)? %$/);
  await expect(value('CPU')).toHaveText(/^\d+(\.\d+)? %$/);
  await expect(value('GC pauses')).toHaveText(/^\d+(\.\d+)?\/s$/);
});

test('runtime metrics are in /metrics under their semantic-convention names', async ({ request }) => {
  const samples = await scrape(request);
  const names = new Set(samples.map((sample) => sample.name));
  for (const name of [
    'nodejs_eventloop_delay_p50_seconds',
    'nodejs_eventloop_delay_p99_seconds',
    'nodejs_eventloop_utilization_ratio',
    'v8js_memory_heap_used_bytes',
    'v8js_gc_duration_seconds_count',
    'process_memory_usage_bytes',
    'process_cpu_time_seconds_total',
  ]) {
    expect(names, name).toContain(name);
  }
  expect(sumOf(samples, 'v8js_memory_heap_used_bytes', {})).toBeGreaterThan(1_000_000);
});
