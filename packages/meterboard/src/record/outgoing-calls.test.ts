import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Attributes } from '@opentelemetry/api';
import type { Histogram } from '@opentelemetry/sdk-metrics';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DurationHistograms } from './duration-histograms.js';
import { instrumentOutgoingCalls, MAX_HOSTS, type OutgoingCallRecorder } from './outgoing-calls.js';

// The recorder subscribes once per process, so the file shares one; each test drains what it caused.
const durationHistograms = new DurationHistograms({ name: 'meterboard' });
let currentRoute: string | undefined;
let recorder: OutgoingCallRecorder;
let server: http.Server;
let port: number;
/** A port nothing listens on. */
let closedPort: number;
const SLOW_MS = 60;

beforeAll(async () => {
  recorder = instrumentOutgoingCalls({ durationHistograms, routeOf: () => currentRoute, isIgnoredRoute: (route) => route.startsWith('/meterboard') });
  server = http.createServer((request, response) => {
    if (request.url?.startsWith('/slow')) setTimeout(() => response.end('slow'), SLOW_MS);
    else if (request.url === '/fail') {
      response.statusCode = 500;
      response.end('failed');
    } else if (request.url === '/missing') {
      response.statusCode = 404;
      response.end();
    } else if (request.url === '/broken') {
      response.writeHead(200, { 'content-length': '100' });
      response.write('partial');
      setTimeout(() => response.destroy(), 10);
    } else response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function get(path: string, targetPort = port): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: targetPort, path, agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode!));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The drained series as `count attributes` lines, sorted. */
function drained(): string[] {
  return recorder
    .drain()
    .map(({ attributes, latency }) => `${latency.count} ${JSON.stringify(attributes)}`)
    .sort();
}

const base = (method: string, status?: number, extra: Attributes = {}): string =>
  JSON.stringify({
    'http.request.method': method,
    'server.address': '127.0.0.1',
    'server.port': port,
    ...(status === undefined ? {} : { 'http.response.status_code': status }),
    ...extra,
  });

describe('instrumentOutgoingCalls', () => {
  test('fetch: one series per method and outcome, the path and query never in it, 4xx and 5xx with error.type', async () => {
    await (await fetch(`http://127.0.0.1:${port}/ok?customer=42`)).text();
    await (await fetch(`http://127.0.0.1:${port}/other/path`)).text();
    await (await fetch(`http://127.0.0.1:${port}/fail`, { method: 'POST', body: 'x' })).text();
    await (await fetch(`http://127.0.0.1:${port}/missing`)).text();

    const lines = drained();
    expect(lines).toEqual(
      [`2 ${base('GET', 200)}`, `1 ${base('POST', 500, { 'error.type': '500' })}`, `1 ${base('GET', 404, { 'error.type': '404' })}`].sort(),
    );
    expect(lines.join()).not.toMatch(/customer|other|fail|missing/);
  });

  test('node:http: the same series, and the duration lasts until the body has arrived', async () => {
    expect(await get('/slow')).toBe(200);
    expect(await get('/fail')).toBe(500);
    const series = recorder.drain();
    expect(series.map(({ attributes, latency }) => `${latency.count} ${JSON.stringify(attributes)}`).sort()).toEqual(
      [`1 ${base('GET', 200)}`, `1 ${base('GET', 500, { 'error.type': '500' })}`].sort(),
    );
    const slow = series.find(({ attributes }) => attributes['http.response.status_code'] === 200)!;
    // Timers may fire a little early.
    expect(slow.latency.sum).toBeGreaterThanOrEqual((SLOW_MS - 2) / 1000);
  });

  test('a refused connection is an error without status, its error.type the error code, from fetch and from node:http', async () => {
    await expect(fetch(`http://127.0.0.1:${closedPort}/`)).rejects.toThrow();
    await expect(get('/', closedPort)).rejects.toThrow();
    const refused = JSON.stringify({ 'http.request.method': 'GET', 'server.address': '127.0.0.1', 'server.port': closedPort, 'error.type': 'ECONNREFUSED' });
    expect(drained()).toEqual([`2 ${refused}`]);
  });

  test('a response that breaks off in its body is an error (aborted), not its status', async () => {
    await expect(get('/broken')).rejects.toThrow();
    expect(drained()).toEqual([`1 ${base('GET', undefined, { 'error.type': 'aborted' })}`]);
  });

  test('the route asked for at the start is in the history series only; /metrics has one series for both routes', async () => {
    currentRoute = '/orders/[id]';
    const first = fetch(`http://127.0.0.1:${port}/slow`);
    // The route is read when the call starts, not when it ends.
    currentRoute = '/checkout';
    await (await first).text();
    await (await fetch(`http://127.0.0.1:${port}/ok`)).text();
    currentRoute = undefined;

    expect(drained()).toEqual([`1 ${base('GET', 200, { 'http.route': '/checkout' })}`, `1 ${base('GET', 200, { 'http.route': '/orders/[id]' })}`]);
    const { resourceMetrics } = await durationHistograms.collect();
    const metric = resourceMetrics.scopeMetrics[0].metrics.find((candidate) => candidate.descriptor.name === 'http.client.request.duration')!;
    const ok = metric.dataPoints.filter((point) => JSON.stringify(point.attributes) === base('GET', 200));
    // Every 200 of the file so far: two from the first test, one from node:http, two here.
    expect(ok.map((point) => (point.value as Histogram).count)).toEqual([5]);
    expect(metric.dataPoints.some((point) => 'http.route' in point.attributes)).toBe(false);
  });

  test('a Host header the caller set is not the address called: the host stays the one connected to, its port unknown', async () => {
    await new Promise<void>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/ok', agent: false, headers: { host: 'tenant-1.example.com' } }, (response) => response.resume().on('end', resolve)).on('error', reject);
    });
    expect(drained()).toEqual([`1 ${JSON.stringify({ 'http.request.method': 'GET', 'server.address': '127.0.0.1', 'http.response.status_code': 200 })}`]);
  });

  test(`at most ${MAX_HOSTS} hosts: calls to later ones are _OTHER`, async () => {
    // Loopback addresses 127.0.0.2, .3, …: each a host of its own, each refusing at once.
    const call = (address: string) =>
      new Promise<void>((resolve) => {
        http.get({ host: address, port: closedPort, path: '/', agent: false }).on('error', () => resolve());
      });
    const hosts = MAX_HOSTS + 5;
    for (let i = 0; i < hosts; i++) await call(`127.0.0.${i + 2}`);
    const series = recorder.drain();
    const addresses = new Set(series.map(({ attributes }) => attributes['server.address']));
    // The earlier tests' three hosts (the server's port, the closed one, and the server without a port) took three places.
    const kept = MAX_HOSTS - 3;
    expect(addresses.size).toBe(kept + 1);
    expect(addresses.has('_OTHER')).toBe(true);
    const other = series.find(({ attributes }) => attributes['server.address'] === '_OTHER')!;
    expect(other.latency.count).toBe(hosts - kept);
    expect(other.attributes).toEqual({ 'http.request.method': 'GET', 'server.address': '_OTHER', 'error.type': 'ECONNREFUSED' });
  });

  test("calls made for an ignored route (meterboard's own) are not recorded", async () => {
    currentRoute = '/meterboard/api/[...path]';
    await (await fetch(`http://127.0.0.1:${port}/ok`)).text();
    currentRoute = undefined;
    expect(drained()).toEqual([]);
  });

  test('a second recorder in the same process records nothing, so no call counts twice', async () => {
    const second = instrumentOutgoingCalls({ durationHistograms: new DurationHistograms({ name: 'meterboard' }) });
    await (await fetch(`http://127.0.0.1:${port}/ok`)).text();
    expect(second.drain()).toEqual([]);
    expect(drained()).toEqual([`1 ${base('GET', 200)}`]);
  });
});
