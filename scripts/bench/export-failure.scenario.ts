// An OTLP collector that accepts connections and never answers, with the export interval at 100 ms
// so that a few minutes hold thousands of failed exports, under a steady load: the heap and RSS
// must stay flat and the exporter must not pile up connections. Heap readings as in http-memory.
import { createServer, type Socket } from 'node:net';
import autocannon from 'autocannon';
import { test } from 'vitest';
import { ensureProductionBuild, NextServer, pinSelf } from './next-server';
import { report, round, SHORT } from './report';
import { heapUsedBytes, settledHeap } from './server-heap';

const SOAK_S = SHORT ? 6 : 240;
const EXPORT_INTERVAL_MS = 100;
const REQUESTS_PER_SECOND = 200;
const READ_EVERY_S = SHORT ? 1 : 5;
const STEADY_AFTER_S = SHORT ? 2 : 60;
const COLLECTOR_PORT = 4502;
const MB = 2 ** 20;

test('export-failure', async () => {
  ensureProductionBuild();
  pinSelf(1);
  const open = new Set<Socket>();
  let connections = 0;
  let mostOpen = 0;
  const collector = createServer((socket) => {
    connections++;
    open.add(socket);
    mostOpen = Math.max(mostOpen, open.size);
    socket.on('error', () => {}).on('close', () => open.delete(socket)).resume();
  });
  await new Promise<void>((resolve) => collector.listen(COLLECTOR_PORT, '127.0.0.1', resolve));
  const server = new NextServer(4501, {
    OTEL_SERVICE_NAME: 'bench-export-failure',
    OTEL_METRICS_EXPORTER: 'prometheus,otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${COLLECTOR_PORT}`,
    OTEL_METRIC_EXPORT_INTERVAL: String(EXPORT_INTERVAL_MS),
    OTEL_EXPORTER_OTLP_TIMEOUT: String(EXPORT_INTERVAL_MS),
  });
  await server.start();
  try {
    const heapBefore = await settledHeap(server, SHORT ? 2 : 10);
    const readings: Array<{ second: number; heap: number; rss: number }> = [];
    const load = autocannon({ url: `${server.url}/api/orders`, connections: 8, overallRate: REQUESTS_PER_SECOND, duration: SOAK_S });
    const started = Date.now();
    while (Date.now() - started < SOAK_S * 1000) {
      await new Promise((resolve) => setTimeout(resolve, READ_EVERY_S * 1000));
      readings.push({ second: (Date.now() - started) / 1000, heap: await heapUsedBytes(server), rss: server.rssBytes() });
    }
    const result = await load;
    const steady = readings.filter((reading) => reading.second >= STEADY_AFTER_S);
    const window = Math.max(1, Math.floor(60 / READ_EVERY_S));
    const lowest = (list: typeof steady, key: 'heap' | 'rss') => Math.min(...list.map((reading) => reading[key]));
    const [first, last] = [steady.slice(0, window), steady.slice(-window)];
    report({
      scenario: 'export-failure',
      method: `next start pushing OTLP every ${EXPORT_INTERVAL_MS} ms (request timeout ${EXPORT_INTERVAL_MS} ms) to a collector that reads and never answers, ${SOAK_S} s at ${REQUESTS_PER_SECOND} requests/s to /api/orders; heap from the server's runtime metrics every ${READ_EVERY_S} s, each value the lowest reading of its minute; the first ${STEADY_AFTER_S} s are warm-up.`,
      rows: [
        { measure: 'responses (errors)', value: `${result['2xx'] + result.non2xx} (${result.errors})` },
        { measure: 'p99 latency (ms)', value: result.latency.p99 },
        { measure: 'export connections opened / most open at once', value: `${connections} / ${mostOpen}` },
        { measure: 'heap before the load (MB)', value: round(heapBefore / MB) },
        { measure: 'heap, first / last steady minute (MB)', value: `${round(lowest(first, 'heap') / MB)} / ${round(lowest(last, 'heap') / MB)}` },
        { measure: 'RSS, first / last steady minute (MB)', value: `${round(lowest(first, 'rss') / MB)} / ${round(lowest(last, 'rss') / MB)}` },
      ],
      targets: [
        { metric: 'heap growth over the steady soak, exports failing', value: (lowest(last, 'heap') - lowest(first, 'heap')) / MB, unit: 'MB', limit: 5 },
        { metric: 'RSS growth over the steady soak, exports failing', value: (lowest(last, 'rss') - lowest(first, 'rss')) / MB, unit: 'MB', limit: 20 },
        { metric: 'export connections open at once', value: mostOpen, unit: 'connections', limit: 2 },
        { metric: 'request errors while exports fail', value: result.errors, unit: 'errors', limit: 0 },
      ],
    });
  } finally {
    await server.stop();
    for (const socket of open) socket.destroy();
    collector.close();
  }
});
