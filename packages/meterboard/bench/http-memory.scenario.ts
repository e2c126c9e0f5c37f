// Memory over real HTTP, against `next start` with metrics on: 50,000 requests to random unknown
// paths (a bot scanning) must add no series and no lasting heap, and a steady mixed load for
// 10 minutes must leave the heap where it started. The heap is read from the server's own
// runtime metrics (/meterboard/api/stats, not measured itself) right after a full collection
// (retainedHeap), so it is what the server keeps.
import autocannon from 'autocannon';
import { test } from 'vitest';
import { ensureProductionBuild, NextServer, pinSelf } from './next-server.js';
import { report, round, SHORT } from './report.js';
import { COLLECT_ON_SIGNAL, readMemory, retainedHeap, steadyMinutes } from './server-heap.js';

const PROBES = SHORT ? 2_000 : 50_000;
const SOAK_S = SHORT ? 6 : 600;
const SOAK_REQUESTS_PER_SECOND = 200;
const READ_EVERY_S = SHORT ? 1 : 5;
const STEADY_AFTER_S = SHORT ? 2 : 60;
/** When the soak's retained heap is read: after its first steady minute, and near its end, both under load. */
const FIRST_HEAP_AT_S = SHORT ? 2 : STEADY_AFTER_S + 60;
const LAST_HEAP_AT_S = SHORT ? 4 : SOAK_S - 20;
const SOAK_PATHS = ['/api/orders', '/api/orders/1001', '/api/orders/990001', '/orders', '/orders/1002', '/api/health', '/no-such-page'];

async function durationSeries(server: NextServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return text.split('\n').filter((line) => line.startsWith('http_server_request_duration_seconds_count')).length;
}

const MB = 2 ** 20;

test('http-memory', async () => {
  ensureProductionBuild();
  pinSelf(1);
  const server = new NextServer(4401, { OTEL_SERVICE_NAME: 'bench-memory' }, 0, undefined, COLLECT_ON_SIGNAL);
  await server.start();
  try {
    // Every route once, so the series that exist anyway are there before counting.
    for (const path of SOAK_PATHS) await (await fetch(`${server.url}${path}`)).arrayBuffer();
    const seriesBefore = await durationSeries(server);
    const heapBefore = await retainedHeap(server);
    let probe = 0;
    const probes = await autocannon({
      url: server.url,
      connections: 16,
      amount: PROBES,
      requests: [{ setupRequest: (request) => ({ ...request, path: `/wp-content/probe-${probe++}-${Math.random().toString(36).slice(2)}.php` }) }],
    });
    const seriesAfter = await durationSeries(server);
    const heapAfterProbes = await retainedHeap(server);

    let path = 0;
    const soak = autocannon({
      url: server.url,
      connections: 8,
      overallRate: SOAK_REQUESTS_PER_SECOND,
      duration: SOAK_S,
      requests: [{ setupRequest: (request) => ({ ...request, path: SOAK_PATHS[path++ % SOAK_PATHS.length] }) }],
    });
    const soakStarted = Date.now();
    const heapAt = (second: number) => new Promise((resolve) => setTimeout(resolve, soakStarted + second * 1000 - Date.now())).then(() => retainedHeap(server));
    const heap = Promise.all([heapAt(FIRST_HEAP_AT_S), heapAt(LAST_HEAP_AT_S)]);
    const [readings] = await readMemory([server], SOAK_S, READ_EVERY_S);
    const soakResult = await soak;
    const [heapFirst, heapLast] = await heap;
    const { rss } = steadyMinutes(readings, STEADY_AFTER_S, READ_EVERY_S);
    report({
      scenario: 'http-memory',
      method: `${PROBES.toLocaleString('en-US')} requests to distinct unknown paths (16 connections), then ${SOAK_S} s at ${SOAK_REQUESTS_PER_SECOND} requests/s over ${SOAK_PATHS.length} demo paths; heap from the server's runtime metrics after a full collection (node --expose-gc, SIGUSR2), the lowest of 3 tries, before and after the probes, and at ${FIRST_HEAP_AT_S} s and ${LAST_HEAP_AT_S} s of the soak; RSS every ${READ_EVERY_S} s, each value the lowest reading of its minute, the first ${STEADY_AFTER_S} s of the soak being warm-up.`,
      rows: [
        { measure: 'http.server.request.duration series before / after the probes', value: `${seriesBefore} / ${seriesAfter}` },
        { measure: 'probe responses (all 404)', value: `${probes['2xx'] + probes.non2xx} (${probes.errors} errors)` },
        { measure: 'heap after a full collection, before / after the probes (MB)', value: `${round(heapBefore / MB)} / ${round(heapAfterProbes / MB)}` },
        { measure: 'soak responses', value: `${soakResult['2xx'] + soakResult.non2xx} (${soakResult.errors} errors)` },
        { measure: `heap after a full collection, at ${FIRST_HEAP_AT_S} s / ${LAST_HEAP_AT_S} s of the soak (MB)`, value: `${round(heapFirst / MB)} / ${round(heapLast / MB)}` },
        { measure: 'RSS, first / last steady minute (MB)', value: `${round(rss[0] / MB)} / ${round(rss[1] / MB)}` },
      ],
      targets: [
        { metric: `series added by ${PROBES.toLocaleString('en-US')} unknown paths`, value: seriesAfter - seriesBefore, unit: 'series', limit: 0 },
        { metric: 'heap growth after the probes', value: (heapAfterProbes - heapBefore) / MB, unit: 'MB', limit: 50 },
        { metric: `heap growth over the steady soak`, value: (heapLast - heapFirst) / MB, unit: 'MB', limit: 5 },
        { metric: `RSS growth over the steady soak`, value: (rss[1] - rss[0]) / MB, unit: 'MB', limit: 20 },
      ],
    });
  } finally {
    await server.stop();
  }
});
