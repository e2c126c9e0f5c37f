import { expect, test, type APIRequestContext } from '@playwright/test';
import { CACHE_COMPONENTS_SMALL_LIMIT_PORT } from './ports';
import { scrape, sumOf, type PrometheusSample } from './metrics-text';
import type { Stats } from 'meterboard';

// e2e/fixtures/cache-components counts POST /api/tasks/<id> in tasks.completed and tasks.size by
// task.id. New ids arrive one request at a time, with a scrape (a collection) every few requests:
// the SDK's own limit only counts the series of one collection, meterboard's the process's lifetime.

const SERIES = ['tasks_completed_total', 'tasks_size_bytes_count'];

async function completeTasks(request: APIRequestContext, baseURL: string, from: number, count: number, scrapeEvery: number): Promise<void> {
  for (let task = from; task < from + count; task++) {
    expect((await request.post(`${baseURL}/api/tasks/t${task}`)).status()).toBe(200);
    if (task % scrapeEvery === 0) await scrape(request, baseURL);
  }
}

function seriesOf(samples: PrometheusSample[], name: string): PrometheusSample[] {
  return samples.filter((sample) => sample.name === name);
}

test('at the default limit, 2,500 task ids over many collections make 2,000 series: 1,999 and the overflow, every request counted', async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  await completeTasks(request, baseURL!, 0, 2_500, 100);
  const samples = await scrape(request, baseURL);
  for (const name of SERIES) {
    const series = seriesOf(samples, name);
    expect(series, name).toHaveLength(2_000);
    expect(series.filter((sample) => sample.labels.otel_metric_overflow === 'true').map((sample) => sample.value), name).toEqual([501]);
    expect(sumOf(samples, name, {}), name).toBe(2_500);
  }
  // And the dashboard names both instruments in its warning.
  await expect
    .poll(async () => ((await (await request.get(`${baseURL}/meterboard/api/stats`)).json()) as Stats).overflowingInstruments.map((instrument) => instrument.name).sort())
    .toEqual(['tasks.completed', 'tasks.size']);
});

test('with METRICS_CARDINALITY_LIMIT=5, 30 ids one collection apart make 5 series', async ({ request }) => {
  const baseURL = `http://127.0.0.1:${CACHE_COMPONENTS_SMALL_LIMIT_PORT}`;
  await completeTasks(request, baseURL, 0, 30, 1);
  const samples = await scrape(request, baseURL);
  for (const name of SERIES) {
    expect(seriesOf(samples, name), name).toHaveLength(5);
    expect(sumOf(samples, name, {}), name).toBe(30);
  }
});
