import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { expect, test } from '@playwright/test';
// protobufjs code generated from opentelemetry-proto's .proto files, as an older
// @opentelemetry/otlp-transformer shipped it (devDependency alias): an independent decoder.
import protoRoot from 'otlp-proto-definitions/build/src/generated/root';
import type { Stats } from 'meterboard';
import { parseExposition, requestCount } from './metrics-text';
import { OwnServer } from './own-server';
import {
  OTLP_APP_PORT,
  OTLP_COLLECTOR_PORT,
  OTLP_DELTA_APP_PORT,
  OTLP_DELTA_COLLECTOR_PORT,
  OTLP_HANGING_APP_PORT,
  OTLP_HANGING_COLLECTOR_PORT,
  OTLP_SHUTDOWN_APP_PORT,
  OTLP_SHUTDOWN_COLLECTOR_PORT,
} from './ports';

// An OTLP endpoint that is down, or that accepts connections and never answers, must not hurt the
// app: requests keep their speed and their counts, and the log gets one line, not one per export.
const EXPORT_INTERVAL_MS = 200;
// The decoded request, as much of opentelemetry/proto/collector/metrics/v1/metrics_service.proto as the spec reads (count is a uint64: a Long).
interface ExportMetricsServiceRequest {
  resourceMetrics: Array<{
    scopeMetrics: Array<{
      metrics: Array<{ name: string; histogram?: { dataPoints: Array<{ count: number | { toString(): string }; attributes: Array<{ key: string; value: { stringValue?: string } }> }> } }>;
    }>;
  }>;
}
// The generated module is typed as a bare protobufjs Root.
const { ExportMetricsServiceRequest } = (protoRoot as unknown as {
  opentelemetry: { proto: { collector: { metrics: { v1: { ExportMetricsServiceRequest: { decode(bytes: Uint8Array): unknown } } } } } };
}).opentelemetry.proto.collector.metrics.v1;
const failureLines = (output: string) => output.split('\n').filter((line) => /\[meterboard\] OTLP export .*: (an export|\d+ exports) failed/.test(line));

/** Sends requests one after another for 15 export intervals, each export failing meanwhile; returns how many. */
async function sendOrdersRequestsForExports(url: string): Promise<number> {
  const until = Date.now() + 15 * EXPORT_INTERVAL_MS;
  let sent = 0;
  for (; Date.now() < until; sent++) expect((await fetch(`${url}/api/orders`)).status).toBe(200);
  return sent;
}

test.describe('an OTLP endpoint that refuses connections, then comes up', () => {
  const app = new OwnServer(OTLP_APP_PORT, {
    OTEL_METRICS_EXPORTER: 'prometheus,otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${OTLP_COLLECTOR_PORT}`,
    OTEL_METRIC_EXPORT_INTERVAL: String(EXPORT_INTERVAL_MS),
  });
  let collector: Server | undefined;
  test.beforeAll(async () => app.start());
  test.afterAll(async () => {
    collector?.close();
    await app.stop();
  });

  test('the app serves and counts as usual, the failure and the recovery are logged once each, and the decoded export counts every request', async () => {
    await expect.poll(() => failureLines(app.output).length).toBe(1);
    const sent = await sendOrdersRequestsForExports(app.url);
    await expect
      .poll(async () => requestCount(parseExposition(await (await fetch(`${app.url}/metrics`)).text()), { method: 'GET', route: '/api/orders', status: 200 }))
      .toBe(sent);
    expect(failureLines(app.output)).toEqual([expect.stringMatching(/OTLP export \(http\/protobuf\) to http:\/\/127\.0\.0\.1:\d+\/v1\/metrics: an export failed \(.*ECONNREFUSED.*\); the app is unaffected/)]);

    // The collector comes up: exports arrive as OTLP protobuf, and the log says so once.
    const received: IncomingMessage[] = [];
    const decoded: ExportMetricsServiceRequest[] = [];
    collector = createServer((request, response) => {
      received.push(request);
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        decoded.push(ExportMetricsServiceRequest.decode(Buffer.concat(chunks)) as ExportMetricsServiceRequest);
        response.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => collector!.listen(OTLP_COLLECTOR_PORT, '127.0.0.1', resolve));
    await expect.poll(() => app.output).toMatch(/OTLP export .* works again after \d+ failed exports\./);
    expect(received.length).toBeGreaterThan(0);
    expect(received[0]).toMatchObject({ method: 'POST', url: '/v1/metrics', headers: expect.objectContaining({ 'content-type': 'application/x-protobuf' }) });
    expect(failureLines(app.output)).toHaveLength(1);

    // Decoded with the protobuf definitions of opentelemetry-proto, the latest (cumulative) export
    // counts exactly the requests sent, those made while the collector was down included.
    const latestOrdersCount = () => {
      const points = (decoded.at(-1)?.resourceMetrics ?? [])
        .flatMap((resource) => resource.scopeMetrics)
        .flatMap((scope) => scope.metrics)
        .filter((metric) => metric.name === 'http.server.request.duration')
        .flatMap((metric) => metric.histogram?.dataPoints ?? []);
      return points
        .filter((point) => point.attributes.some(({ key, value }) => key === 'http.route' && value.stringValue === '/api/orders'))
        .reduce((sum, point) => sum + Number(point.count), 0);
    };
    for (let i = 0; i < 4; i++) expect((await fetch(`${app.url}/api/orders`)).status).toBe(200);
    await expect.poll(latestOrdersCount).toBe(sent + 4);
  });
});

test.describe('an OTLP endpoint that never answers, with /metrics off', () => {
  const app = new OwnServer(OTLP_HANGING_APP_PORT, {
    METRICS_PUBLIC: 'true',
    OTEL_METRICS_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `http://127.0.0.1:${OTLP_HANGING_COLLECTOR_PORT}/v1/metrics`,
    OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json',
    // The exporter's own request timeout stays at its 10 s default: meterboard caps it at the interval.
    OTEL_METRIC_EXPORT_INTERVAL: String(EXPORT_INTERVAL_MS),
  });
  // Reads what it is sent and never answers. Connections it holds open right now, and the most it ever held.
  const open = new Set<Socket>();
  let mostOpen = 0;
  const hanging = createTcpServer((socket) => {
    open.add(socket);
    mostOpen = Math.max(mostOpen, open.size);
    socket.on('error', () => {}).on('close', () => open.delete(socket)).resume();
  });
  test.beforeAll(async () => {
    await new Promise<void>((resolve) => hanging.listen(OTLP_HANGING_COLLECTOR_PORT, '127.0.0.1', resolve));
    await app.start();
  });
  test.afterAll(async () => {
    await app.stop();
    for (const socket of open) socket.destroy();
    hanging.close();
  });

  test('requests are counted exactly on the dashboard, /metrics says it is off, and the timeouts are logged once', async () => {
    await expect.poll(() => failureLines(app.output).length, { timeout: 20_000 }).toBe(1);
    const sent = await sendOrdersRequestsForExports(app.url);
    await expect
      .poll(async () => {
        const stats = (await (await fetch(`${app.url}/meterboard/api/stats?window=1m`)).json()) as Stats;
        return stats.routes.find((route) => route.route === '/api/orders')?.requestsSinceStart;
      })
      .toBe(sent);
    // The reader starts no export while one is pending and the exporter gives up after its timeout,
    // so hung requests do not pile up: one at a time, two at the changeover.
    expect(mostOpen).toBeLessThanOrEqual(2);
    expect(failureLines(app.output)).toEqual([expect.stringMatching(/OTLP export \(http\/json\) to http:\/\/127\.0\.0\.1:\d+\/v1\/metrics: an export failed/)]);

    const metrics = await fetch(`${app.url}/metrics`);
    expect(metrics.status).toBe(404);
    expect(((await metrics.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'not_exported',
      message: expect.stringContaining('OTEL_METRICS_EXPORTER does not name "prometheus"'),
    });
  });
});

test.describe('OTLP http/json with delta temporality', () => {
  const app = new OwnServer(OTLP_DELTA_APP_PORT, {
    OTEL_METRICS_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${OTLP_DELTA_COLLECTOR_PORT}`,
    OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json',
    OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: 'delta',
    OTEL_METRIC_EXPORT_INTERVAL: String(EXPORT_INTERVAL_MS),
  });
  // The OTLP JSON encoding (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding), as much as the spec reads.
  interface ExportRequest {
    resourceMetrics: Array<{
      scopeMetrics: Array<{
        metrics: Array<{
          name: string;
          histogram?: {
            aggregationTemporality: number;
            dataPoints: Array<{ count: string | number; attributes: Array<{ key: string; value: { stringValue?: string } }> }>;
          };
        }>;
      }>;
    }>;
  }
  const exports: ExportRequest[] = [];
  const collector = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      exports.push(JSON.parse(body) as ExportRequest);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  test.beforeAll(async () => {
    await new Promise<void>((resolve) => collector.listen(OTLP_DELTA_COLLECTOR_PORT, '127.0.0.1', resolve));
    await app.start();
  });
  test.afterAll(async () => {
    await app.stop();
    collector.close();
  });

  test('the request duration histogram arrives as deltas that add up to the requests sent, exactly', async () => {
    const durations = () =>
      exports.flatMap((request) => request.resourceMetrics.flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics.filter((metric) => metric.name === 'http.server.request.duration'))));
    const ordersCount = () =>
      durations()
        .flatMap((metric) => metric.histogram!.dataPoints)
        .filter((point) => point.attributes.some(({ key, value }) => key === 'http.route' && value.stringValue === '/api/orders'))
        .reduce((sum, point) => sum + Number(point.count), 0);
    for (let i = 0; i < 3; i++) expect((await fetch(`${app.url}/api/orders`)).status).toBe(200);
    await expect.poll(ordersCount).toBe(3);
    // Five more exports go by without traffic: cumulative points would each count the 3 again.
    const exported = exports.length;
    await expect.poll(() => exports.length).toBeGreaterThan(exported + 5);
    expect(ordersCount()).toBe(3);
    for (let i = 0; i < 2; i++) expect((await fetch(`${app.url}/api/orders`)).status).toBe(200);
    await expect.poll(ordersCount).toBe(5);
    // AGGREGATION_TEMPORALITY_DELTA is 1 in the OTLP protobuf definitions.
    expect(new Set(durations().map((metric) => metric.histogram!.aggregationTemporality))).toEqual(new Set([1]));
  });
});

test.describe('SIGTERM before the first export (the default interval is 60 s)', () => {
  const EXPORT_TIMEOUT_MS = 5_000;
  const app = new OwnServer(OTLP_SHUTDOWN_APP_PORT, {
    OTEL_METRICS_EXPORTER: 'prometheus,otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${OTLP_SHUTDOWN_COLLECTOR_PORT}`,
    OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json',
    OTEL_METRIC_EXPORT_TIMEOUT: String(EXPORT_TIMEOUT_MS),
  });
  interface ExportedMetric {
    name: string;
    unit?: string;
    histogram?: { dataPoints: Array<{ count: string | number }> };
    sum?: { isMonotonic?: boolean; dataPoints: unknown[] };
    gauge?: { dataPoints: unknown[] };
  }
  const exports: Array<{ resourceMetrics: Array<{ scopeMetrics: Array<{ metrics: ExportedMetric[] }> }> }> = [];
  const collector = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      exports.push(JSON.parse(body));
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  /** The families of a /metrics scrape just before the signal. */
  let families = new Set<string>();
  test.beforeAll(async () => {
    await new Promise<void>((resolve) => collector.listen(OTLP_SHUTDOWN_COLLECTOR_PORT, '127.0.0.1', resolve));
    await app.start();
  });
  test.afterAll(async () => {
    await app.stop();
    collector.close();
  });

  test('the requests served before the signal are exported once at shutdown, and the process still exits promptly', async () => {
    for (let i = 0; i < 7; i++) expect((await fetch(`${app.url}/api/orders`)).status).toBe(200);
    expect(exports).toHaveLength(0);
    families = new Set(parseExposition(await (await fetch(`${app.url}/metrics`)).text()).map((sample) => sample.name));
    const seconds = await app.terminate(EXPORT_TIMEOUT_MS + 10_000);
    const counted = exports
      .flatMap((request) => request.resourceMetrics.flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics)))
      .filter((metric) => metric.name === 'http.server.request.duration')
      .flatMap((metric) => metric.histogram?.dataPoints ?? [])
      .reduce((sum, point) => sum + Number(point.count), 0);
    expect(exports).toHaveLength(1);
    expect(counted).toBe(7);
    // The flush holds the exit back by at most the export timeout.
    expect(seconds).toBeLessThan(EXPORT_TIMEOUT_MS / 1000 + 5);
  });

  // Debian's Prometheus 2.42 has no OTLP receiver (it came with 2.47, --enable-feature=otlp-write-receiver),
  // so the push path is checked against the specification's translation, written out here for the units
  // meterboard's metrics use: every metric the push carried lands in Prometheus under a name /metrics serves.
  test('every pushed metric, named as Prometheus names OTLP, is a family /metrics serves under the same name', () => {
    const UNITS: Record<string, string> = { s: 'seconds', By: 'bytes' };
    const translated = (metric: ExportedMetric) => {
      let name = metric.name.replace(/[^a-zA-Z0-9_]/g, '_');
      const unit = (metric.unit ?? '').replace(/\{[^}]*\}/g, '');
      const suffix = unit === '1' ? (metric.gauge ? 'ratio' : '') : (UNITS[unit] ?? unit);
      if (suffix !== '') name += `_${suffix}`;
      return metric.sum?.isMonotonic ? `${name}_total` : name;
    };
    const pushed = exports.flatMap((request) => request.resourceMetrics.flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics)));
    expect(pushed.map((metric) => metric.name)).toEqual(expect.arrayContaining(['http.server.request.duration', 'nodejs.eventloop.utilization', 'process.cpu.time', 'v8js.memory.heap.used']));
    // A metric with no points yet (no server action ran) has no samples in /metrics.
    for (const metric of pushed.filter((pushedMetric) => (pushedMetric.histogram ?? pushedMetric.sum ?? pushedMetric.gauge)!.dataPoints.length > 0)) {
      const family = translated(metric);
      const served = metric.histogram ? `${family}_count` : family;
      expect(families, `${metric.name} (${metric.unit}) → ${family}`).toContain(served);
    }
  });
});
