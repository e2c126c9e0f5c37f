// Two ways to see every request a Node HTTP server receives: meterboard's patch of Server#emit
// ('request'), or Node's diagnostics channels http.server.request.start / http.server.response.finish,
// which need no patch. Measured side by side: what each costs per request (the same minimal work
// behind each, interleaved rounds against the same code with no hook), and what each sees, on a real
// server: pipelined requests, a client that leaves before its response, HTTP/2.
import diagnosticsChannel from 'node:diagnostics_channel';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { test } from 'vitest';
import { median, report, round, SHORT } from './report.js';

const ITERATIONS = SHORT ? 20_000 : 2_000_000;
const ROUNDS = SHORT ? 3 : 15;

const START_CHANNEL = 'http.server.request.start';
const FINISH_CHANNEL = 'http.server.response.finish';

type Seen = { start: number };
const SEEN = Symbol('seen');

/** What either hook does per request in this measurement: note the time on the request. */
function see(request: object): void {
  (request as { [SEEN]?: Seen })[SEEN] = { start: performance.now() };
}

/** Nanoseconds per call of `run`, which makes `ITERATIONS` calls itself. */
function nsPerCall(run: () => void): number {
  const start = performance.now();
  run();
  return ((performance.now() - start) * 1e6) / ITERATIONS;
}

// The emit patch, as record/http-server-metrics.ts wraps it (without what it records), on an emitter of its own.
function patchedEmitter(): EventEmitter {
  const emitter = new EventEmitter();
  const originalEmit = emitter.emit;
  emitter.emit = function emit(this: unknown, event: string | symbol): boolean {
    if (event === 'request') see(arguments[1]);
    return Reflect.apply(originalEmit, this, arguments) as boolean;
  } as EventEmitter['emit'];
  return emitter;
}

// What Node's _http_server.js does for each request on the channel, with a subscriber or without.
function publishLikeNode(channel: diagnosticsChannel.Channel, request: object, response: object, socket: object, server: object): void {
  if (channel.hasSubscribers) channel.publish({ request, response, socket, server });
}

/** What each hook saw on a real server, for the table. */
interface Sightings {
  emitted: number;
  closed: number;
  started: number;
  finished: number;
}

/**
 * Runs `exercise` against a server (its port) while both hooks count what they see: Server#emit
 * patched on http.Server.prototype as meterboard patches it (with the response's 'close'), and
 * subscribers on both channels.
 */
async function sightings(exercise: (port: number) => Promise<void>, createServer: () => http.Server | http2.Http2Server = () => http.createServer()): Promise<Sightings> {
  const seen: Sightings = { emitted: 0, closed: 0, started: 0, finished: 0 };
  const onStart = () => seen.started++;
  const onFinish = () => seen.finished++;
  diagnosticsChannel.subscribe(START_CHANNEL, onStart);
  diagnosticsChannel.subscribe(FINISH_CHANNEL, onFinish);
  const prototype = http.Server.prototype as unknown as { emit: (...args: unknown[]) => boolean };
  const originalEmit = prototype.emit;
  prototype.emit = function emit(this: unknown, event: unknown, ...args: unknown[]): boolean {
    if (event === 'request') {
      seen.emitted++;
      (args[1] as http.ServerResponse).on('close', () => seen.closed++);
    }
    return Reflect.apply(originalEmit, this, [event, ...args]) as boolean;
  };
  const server = createServer();
  server.on('request', (_request: http.IncomingMessage, response: http.ServerResponse) => {
    // Slow enough that a client can leave first.
    setTimeout(() => {
      if (!response.destroyed) response.end('ok');
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await exercise((server.address() as net.AddressInfo).port);
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    prototype.emit = originalEmit;
    diagnosticsChannel.unsubscribe(START_CHANNEL, onStart);
    diagnosticsChannel.unsubscribe(FINISH_CHANNEL, onFinish);
    await new Promise((resolve) => server.close(resolve));
  }
  return seen;
}

/** Writes `raw` on one connection and waits for `responses` responses (or the connection's end). */
function rawClient(port: number, raw: string, { responses = 1, leaveAfterMs }: { responses?: number; leaveAfterMs?: number } = {}): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(raw));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk;
      if ((received.match(/HTTP\/1\.1 200/g) ?? []).length >= responses) socket.end();
    });
    socket.on('close', () => resolve());
    if (leaveAfterMs !== undefined) setTimeout(() => socket.destroy(), leaveAfterMs);
  });
}

const REQUEST = 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n';

test('server-hooks', async () => {
  const request = {};
  const response = {};
  const socket = {};
  const server = {};
  const plain = new EventEmitter();
  const patched = patchedEmitter();
  for (const emitter of [plain, patched]) emitter.on('request', () => {});
  const channel = diagnosticsChannel.channel(`meterboard.bench.${START_CHANNEL}`);
  const subscriber = (message: unknown) => see((message as { request: object }).request);

  const samples = { emitPlain: [] as number[], emitPatched: [] as number[], channelNone: [] as number[], channelSubscribed: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    samples.emitPlain.push(nsPerCall(() => {
      for (let i = 0; i < ITERATIONS; i++) plain.emit('request', request, response);
    }));
    samples.emitPatched.push(nsPerCall(() => {
      for (let i = 0; i < ITERATIONS; i++) patched.emit('request', request, response);
    }));
    samples.channelNone.push(nsPerCall(() => {
      for (let i = 0; i < ITERATIONS; i++) publishLikeNode(channel, request, response, socket, server);
    }));
    channel.subscribe(subscriber);
    samples.channelSubscribed.push(nsPerCall(() => {
      for (let i = 0; i < ITERATIONS; i++) publishLikeNode(channel, request, response, socket, server);
    }));
    channel.unsubscribe(subscriber);
  }
  const patchCost = median(samples.emitPatched) - median(samples.emitPlain);
  const channelCost = median(samples.channelSubscribed) - median(samples.channelNone);

  const pipelined = await sightings((port) => rawClient(port, REQUEST.repeat(3), { responses: 3 }));
  const left = await sightings((port) => rawClient(port, REQUEST, { leaveAfterMs: 5 }));
  const leftPipelined = await sightings((port) => rawClient(port, REQUEST.repeat(2), { leaveAfterMs: 5 }));
  const overHttp2 = await sightings(
    (port) =>
      new Promise<void>((resolve, reject) => {
        const session = http2.connect(`http://127.0.0.1:${port}`);
        session.on('error', reject);
        const stream = session.request({ ':path': '/' });
        stream.resume();
        stream.on('end', () => session.close(() => resolve()));
      }),
    () => http2.createServer(),
  );
  const row = (what: string, seen: Sightings, expected: number) => ({
    case: what,
    requests: expected,
    "emit('request') patched": seen.emitted,
    "response 'close'": seen.closed,
    [START_CHANNEL]: seen.started,
    [FINISH_CHANNEL]: seen.finished,
  });

  report({
    scenario: 'server-hooks',
    method: `Cost: ${ROUNDS} interleaved rounds of ${ITERATIONS.toLocaleString('en-US')} calls each of an emitter's emit('request') with and without meterboard's wrapper, and of the channel publish Node's HTTP server makes per request with and without a subscriber; the same work behind each (the time noted on the request); medians, the hook's cost as the difference. Sightings: a real node:http server (and an HTTP/2 one, which Node's http2 module serves with classes of its own) while http.Server.prototype.emit is patched as meterboard patches it and both channels have subscribers.`,
    rows: [
      { case: "cost per request: the emit patch (ns)", requests: null, "emit('request') patched": round(patchCost), "response 'close'": null, [START_CHANNEL]: null, [FINISH_CHANNEL]: null },
      { case: 'cost per request: the start channel (ns)', requests: null, "emit('request') patched": null, "response 'close'": null, [START_CHANNEL]: round(channelCost), [FINISH_CHANNEL]: null },
      row('3 pipelined requests on one connection', pipelined, 3),
      row('a client that leaves before its response', left, 1),
      row('2 pipelined requests, the client leaves before either response', leftPipelined, 2),
      row('HTTP/2 (h2c), one request', overHttp2, 1),
    ],
    targets: [{ metric: 'the emit patch per request, over the diagnostics channel', value: patchCost - channelCost, unit: 'ns', limit: 50 }],
  });
});
