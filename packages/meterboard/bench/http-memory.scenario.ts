// Memory over real HTTP, against `next start` with metrics on: 50,000 requests to random unknown
// paths (a bot scanning) must add no series and no lasting heap, and a steady mixed load for
// 10 minutes must leave the heap where it started. The heap is read from the server's own
// runtime metrics (/meterboard/api/stats, not measured itself); the lowest reading of a minute stands for
// the heap after its collections.
import autocannon from 'autocannon';
import { test } from 'vitest';
import { ensureProductionBuild, NextServer, pinSelf } from './next-server.js';
import { report, round, SHORT } from './report.js';
import { readMemory, settledHeap, steadyMinutes } from './server-heap.js';

const PROBES = SHORT ? 2_000 : 50_000;
const SOAK_S = SHORT ? 6 : 600;
const SOAK_REQUESTS_PER_SECOND = 200;
const READ_EVERY_S = SHORT ? 1 : 5;
const STEADY_AFTER_S = SHORT ? 2 : 60;
const SOAK_PATHS = ['/api/orders', '/api/orders/1001', '/api/orders/990001', '/orders', '/orders/1002', '/api/health', '/no-such-page'];

async function durationSeries(server: NextServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return text.split('\n').filter((line) => line.startsWith('http_server_request_duration_seconds_count')).length;
}

const MB = 2 ** 20;

test('http-memory', async () => {
  ensureProductionBuild();
  pinSelf(1);
  const server = new NextServer(4401, { OTEL_SERVICE_NAME: 'bench-memory' });
  await server.start();
  try {
    // Every route once, so the series that exist anyway are there before counting.
    for (const path of SOAK_PATHS) await (await fetch(`${server.url}${path}`)).arrayBuffer();
    const seriesBefore = await durationSeries(server);
    const heapBefore = await settledHeap(server, SHORT ? 2 : 10);
    let probe = 0;
    const probes = await autocannon({
      url: server.url,
      connections: 16,
      amount: PROBES,
      requests: [{ setupRequest: (request) => ({ ...request, path: `/wp-content/probe-${probe++}-${Math.random().toString(36).slice(2)}.php` }) }],
    });
    const seriesAfter = await durationSeries(server);
    const heapAfterProbes = await settledHeap(server, SHORT ? 2 : 10);

    let path = 0;
    const soak = autocannon({
      url: server.url,
      connections: 8,
      overallRate: SOAK_REQUESTS_PER_SECOND,
      duration: SOAK_S,
      requests: [{ setupRequest: (request) => ({ ...request, path: SOAK_PATHS[path++ % SOAK_PATHS.length] }) }],
    });
    const [readings] = await readMemory([server], SOAK_S, READ_EVERY_S);
    const soakResult = await soak;
    const { heap, rss } = steadyMinutes(readings, STEADY_AFTER_S, READ_EVERY_S);
    report({
      scenario: 'http-memory',
      method: `${PROBES.toLocaleString('en-US')} requests to distinct unknown paths (16 connections), then ${SOAK_S} s at ${SOAK_REQUESTS_PER_SECOND} requests/s over ${SOAK_PATHS.length} demo paths; heap from the server's runtime metrics every ${READ_EVERY_S} s, each value the lowest reading of its minute; the first ${STEADY_AFTER_S} s of the soak are warm-up.`,
      rows: [
        { measure: 'http.server.request.duration series before / after the probes', value: `${seriesBefore} / ${seriesAfter}` },
        { measure: 'probe responses (all 404)', value: `${probes['2xx'] + probes.non2xx} (${probes.errors} errors)` },
        { measure: 'heap before / after the probes (MB)', value: `${round(heapBefore / MB)} / ${round(heapAfterProbes / MB)}` },
        { measure: 'soak responses', value: `${soakResult['2xx'] + soakResult.non2xx} (${soakResult.errors} errors)` },
        { measure: 'heap, first / last steady minute (MB)', value: `${round(heap[0] / MB)} / ${round(heap[1] / MB)}` },
        { measure: 'RSS, first / last steady minute (MB)', value: `${round(rss[0] / MB)} / ${round(rss[1] / MB)}` },
      ],
      targets: [
        { metric: `series added by ${PROBES.toLocaleString('en-US')} unknown paths`, value: seriesAfter - seriesBefore, unit: 'series', limit: 0 },
        { metric: 'heap growth after the probes', value: (heapAfterProbes - heapBefore) / MB, unit: 'MB', limit: 50 },
        { metric: `heap growth over the steady soak`, value: (heap[1] - heap[0]) / MB, unit: 'MB', limit: 5 },
        { metric: `RSS growth over the steady soak`, value: (rss[1] - rss[0]) / MB, unit: 'MB', limit: 20 },
      ],
    });
  } finally {
    await server.stop();
  }
});
