// OTLP push to a collector that accepts connections and never answers, side by side with the same
// push to a collector that answers every export, both under the same steady load, with the export
// interval at 100 ms so that minutes hold thousands of exports: the failing side must keep no more
// heap or RSS than the healthy one, and must not pile up connections. Heap readings as in http-memory.
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import autocannon from 'autocannon';
import { test } from 'vitest';
import { ensureProductionBuild, NextServer, pinSelf } from './next-server.js';
import { report, round, SHORT } from './report.js';
import { readMemory, settledHeap, steadyMinutes } from './server-heap.js';

const SOAK_S = SHORT ? 6 : 300;
const EXPORT_INTERVAL_MS = 100;
const REQUESTS_PER_SECOND = 150;
const READ_EVERY_S = SHORT ? 1 : 5;
const STEADY_AFTER_S = SHORT ? 2 : 60;
const MB = 2 ** 20;

/** A collector's connections: how many were opened, and the most open at once. */
class Connections {
  opened = 0;
  mostOpen = 0;
  readonly open = new Set<Socket>();

  track(socket: Socket): void {
    this.opened++;
    this.open.add(socket);
    this.mostOpen = Math.max(this.mostOpen, this.open.size);
    socket.on('error', () => {}).on('close', () => this.open.delete(socket));
  }
}

async function listen(server: Server, port: number): Promise<void> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
}

function pushingTo(port: number, core: number, name: string): NextServer {
  return new NextServer(
    port - 100,
    {
      OTEL_SERVICE_NAME: name,
      OTEL_METRICS_EXPORTER: 'prometheus,otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_METRIC_EXPORT_INTERVAL: String(EXPORT_INTERVAL_MS),
    },
    core,
  );
}

test('export-failure', async () => {
  ensureProductionBuild();
  pinSelf(1);
  // Reads what it is sent and never answers.
  const hangingConnections = new Connections();
  const hanging = createTcpServer((socket) => {
    hangingConnections.track(socket);
    socket.resume();
  });
  // Answers every export as a collector does.
  const healthyConnections = new Connections();
  let exportsReceived = 0;
  const healthy = createHttpServer((request, response) => {
    request.resume().on('end', () => {
      exportsReceived++;
      response.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end();
    });
  }).on('connection', (socket) => healthyConnections.track(socket));
  await Promise.all([listen(hanging, 4602), listen(healthy, 4603)]);
  const failing = pushingTo(4602, 0, 'bench-export-failing');
  const working = pushingTo(4603, 0, 'bench-export-working');
  await Promise.all([failing.start(), working.start()]);
  const servers = [failing, working];
  try {
    const heapBefore = await Promise.all(servers.map((server) => settledHeap(server, SHORT ? 2 : 10)));
    const loads = servers.map((server) => autocannon({ url: `${server.url}/api/orders`, connections: 4, overallRate: REQUESTS_PER_SECOND, duration: SOAK_S }));
    const readings = await readMemory(servers, SOAK_S, READ_EVERY_S);
    const results = await Promise.all(loads);
    const [failed, worked] = readings.map((list) => steadyMinutes(list, STEADY_AFTER_S, READ_EVERY_S));
    const growth = (memory: typeof failed, key: 'heap' | 'rss') => (memory[key][1] - memory[key][0]) / MB;
    const side = (i: number, memory: typeof failed) =>
      `${results[i]['2xx']} (${results[i].errors} errors), p99 ${results[i].latency.p99} ms; heap ${round(memory.heap[0] / MB)} → ${round(memory.heap[1] / MB)} MB, RSS ${round(memory.rss[0] / MB)} → ${round(memory.rss[1] / MB)} MB (before the load: heap ${round(heapBefore[i] / MB)} MB)`;
    report({
      scenario: 'export-failure',
      method: `Two next start processes on one core, each pushing OTLP every ${EXPORT_INTERVAL_MS} ms (exporter timeout left at its default, capped by meterboard at the interval): one to a collector that reads and never answers, one to a collector that answers 200. ${SOAK_S} s at ${REQUESTS_PER_SECOND} requests/s each to /api/orders; heap from each server's runtime metrics every ${READ_EVERY_S} s, each value the lowest reading of its minute, first vs last steady minute after ${STEADY_AFTER_S} s.`,
      rows: [
        { measure: 'failing collector: responses, latency, memory', value: side(0, failed) },
        { measure: 'healthy collector: responses, latency, memory', value: side(1, worked) },
        { measure: 'failing collector: connections opened / most open at once', value: `${hangingConnections.opened} / ${hangingConnections.mostOpen}` },
        { measure: 'healthy collector: exports received / connections opened', value: `${exportsReceived} / ${healthyConnections.opened}` },
      ],
      targets: [
        { metric: 'heap growth, failing − healthy', value: growth(failed, 'heap') - growth(worked, 'heap'), unit: 'MB', limit: 5 },
        { metric: 'RSS growth, failing − healthy', value: growth(failed, 'rss') - growth(worked, 'rss'), unit: 'MB', limit: 10 },
        { metric: 'export connections open at once (failing)', value: hangingConnections.mostOpen, unit: 'connections', limit: 2 },
        { metric: 'request errors while exports fail', value: results[0].errors, unit: 'errors', limit: 0 },
      ],
    });
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    for (const socket of hangingConnections.open) socket.destroy();
    hanging.close();
    healthy.closeAllConnections();
    healthy.close();
  }
});
