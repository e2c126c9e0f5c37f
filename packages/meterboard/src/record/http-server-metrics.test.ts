import { AsyncLocalStorage } from 'node:async_hooks';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Attributes } from '@opentelemetry/api';
import { DataPointType, MeterProvider, type Histogram } from '@opentelemetry/sdk-metrics';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ABORTED_ERROR_TYPE, METRIC_HTTP_SERVER_ACTIVE_REQUESTS } from './http-instruments.js';
import { DurationHistograms } from './duration-histograms.js';
import { pathMatcher, instrumentHttpServer, type HttpServerRecorder, type RequestState } from './http-server-metrics.js';
import { RequestErrorRecorder } from './request-errors.js';
import { TestReader } from '../testing/test-reader.js';

// instrumentHttpServer patches http.Server.prototype.emit once per process, so the whole file shares
// one provider, one server and one reader, and each test compares what changed between two collections.

/** A pull reader that only collects on demand. */

type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

interface Deferred<T = void> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const PATCHED = Symbol.for('meterboard.httpServerPatched');
const NEXT_REQUEST_META = Symbol.for('NextInternalRequestMeta');
const DURATION = 'http.server.request.duration';
const ACTION_DURATION = 'next.server_action.duration';
const ROUTE = '/things/[id]';
/** Header the client sends so the server can tell it when the response of that request closed. */
const TEST_ID_HEADER = 'x-test-id';

const defaultHandler: Handler = (_request, response) => {
  response.end('ok');
};

const durationHistograms = new DurationHistograms({ name: 'meterboard' });
const reader = new TestReader({ metricProducers: [durationHistograms] });
const requestContext = new AsyncLocalStorage<RequestState>();
let provider: MeterProvider;
let recorder: HttpServerRecorder;
let server: http.Server;
let port: number;
let handle: Handler = defaultHandler;
let handlerError: unknown;
let nextTestId = 0;
/** By test id: resolved when the server-side response of that request emitted 'close'. */
const serverClosed = new Map<string, Deferred>();

beforeAll(async () => {
  // If something else patched the prototype first, instrumentHttpServer would silently do nothing.
  expect((http.Server.prototype as unknown as Record<symbol, unknown>)[PATCHED]).toBeUndefined();
  provider = new MeterProvider({ readers: [reader] });
  recorder = instrumentHttpServer({ meter: provider.getMeter('meterboard'), durationHistograms, excludedPaths: ['/metrics'], basePath: '', dashboardPath: '/meterboard', requestContext });

  server = http.createServer((request, response) => {
    // Added after the instrumentation's own 'close' listener, so it runs once the request is recorded.
    const id = request.headers[TEST_ID_HEADER];
    if (typeof id === 'string') response.on('close', () => serverClosed.get(id)?.resolve());
    Promise.resolve()
      .then(() => handle(request, response))
      .catch((error: unknown) => {
        handlerError = error;
        response.destroy();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(() => {
  handle = defaultHandler;
  const error = handlerError;
  handlerError = undefined;
  if (error !== undefined) throw error;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await provider?.shutdown();
});

/** Makes the request look routed by Next, as its router does before the app handles it (to a page, by default). */
function simulateNext(request: IncomingMessage, pathname: string, kind: 'APP_PAGE' | 'APP_ROUTE' = 'APP_PAGE'): void {
  (request as IncomingMessage & Record<symbol, unknown>)[NEXT_REQUEST_META] = { match: { definition: { pathname, kind } } };
}

interface Sent {
  status: number;
  body: string;
}

/**
 * Sends one request on a fresh connection; resolves once the client has the whole response and the
 * server-side response has closed (so the request has been recorded). With `abortAfterFirstChunk`,
 * the client destroys the socket as soon as the first body chunk arrives instead.
 */
function send(
  path: string,
  {
    method = 'GET',
    abortAfterFirstChunk = false,
    agent = false as http.Agent | false,
    headers = {} as Record<string, string>,
  } = {},
): Promise<Sent> {
  const id = String(nextTestId++);
  const closed = deferred();
  serverClosed.set(id, closed);
  const received = new Promise<Sent>((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path, method, agent, headers: { ...headers, [TEST_ID_HEADER]: id } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('error', () => {}); // the aborted case resets the connection
        response.on('data', (chunk: string) => {
          body += chunk;
          if (abortAfterFirstChunk) {
            request.destroy();
            resolve({ status: response.statusCode!, body });
          }
        });
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      },
    );
    request.on('error', (error) => {
      if (!abortAfterFirstChunk) reject(error);
    });
    request.end();
  });
  return Promise.all([received, closed.promise]).then(([sent]) => {
    serverClosed.delete(id);
    return sent;
  });
}

/**
 * Sends one request on a fresh connection and destroys the socket, without waiting for any of the
 * response, once `leave` resolves; tells whether a response had arrived by then.
 */
function sendAndLeave(path: string, leave: Promise<void>): Promise<{ gotResponse: boolean }> {
  return new Promise((resolve) => {
    let gotResponse = false;
    const request = http.request({ host: '127.0.0.1', port, path, agent: false });
    request.on('error', () => {}); // socket hang up: expected
    request.on('response', () => (gotResponse = true));
    request.end();
    void leave.then(() => {
      const before = gotResponse;
      request.destroy();
      resolve({ gotResponse: before });
    });
  });
}

/** Polls http.server.active_requests for a method until it is 0, for up to `timeoutMs`; returns the last snapshot. */
async function untilNoneActive(method: string, timeoutMs = 2_000): Promise<Snapshot> {
  const deadline = performance.now() + timeoutMs;
  let snapshot = await collect();
  while (activeFor(snapshot, method) !== 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    snapshot = await collect();
  }
  return snapshot;
}

interface DurationPoint {
  attributes: Attributes;
  count: number;
  sum: number;
}

interface Snapshot {
  /** http.server.request.duration by attribute set (as JSON). */
  durations: Map<string, DurationPoint>;
  /** next.server_action.duration by attribute set (as JSON). */
  actions: Map<string, DurationPoint>;
  /** http.server.active_requests points. */
  active: { attributes: Attributes; value: number }[];
}

async function collect(): Promise<Snapshot> {
  const { resourceMetrics, errors } = await reader.collect();
  expect(errors).toEqual([]);
  const snapshot: Snapshot = { durations: new Map(), actions: new Map(), active: [] };
  for (const { metrics } of resourceMetrics.scopeMetrics) {
    for (const metric of metrics) {
      const { name } = metric.descriptor;
      const histogram = name === DURATION ? snapshot.durations : name === ACTION_DURATION ? snapshot.actions : undefined;
      if (histogram) {
        expect(metric.dataPointType).toBe(DataPointType.HISTOGRAM);
        for (const point of metric.dataPoints) {
          const { count, sum } = point.value as Histogram;
          histogram.set(JSON.stringify(point.attributes), { attributes: point.attributes, count, sum: sum! });
        }
      } else if (metric.descriptor.name === METRIC_HTTP_SERVER_ACTIVE_REQUESTS) {
        for (const point of metric.dataPoints) {
          snapshot.active.push({ attributes: point.attributes, value: point.value as number });
        }
      }
    }
  }
  return snapshot;
}

/** Series of a histogram (default: http.server.request.duration) whose count changed between two snapshots, with the change. */
function recordedBetween(before: Snapshot, after: Snapshot, histogram: 'durations' | 'actions' = 'durations'): DurationPoint[] {
  const changed: DurationPoint[] = [];
  for (const [key, point] of after[histogram]) {
    const previous = before[histogram].get(key);
    const count = point.count - (previous?.count ?? 0);
    if (count !== 0) changed.push({ attributes: point.attributes, count, sum: point.sum - (previous?.sum ?? 0) });
  }
  return changed;
}

/** Current http.server.active_requests for a method over plain http (0 before any request). */
function activeFor(snapshot: Snapshot, method: string): number {
  const matching = snapshot.active.filter(
    (p) => p.attributes['http.request.method'] === method && p.attributes['url.scheme'] === 'http',
  );
  expect(matching.length).toBeLessThanOrEqual(1);
  return matching[0]?.value ?? 0;
}

/** Attributes of a completed request as the recorder builds them. */
function expected(method: string, status: number, extra: Attributes = {}): Attributes {
  return { 'http.request.method': method, 'url.scheme': 'http', 'http.response.status_code': status, ...extra };
}

describe('instrumentHttpServer', () => {
  test('records a GET answered 200 once, with the route Next matched and the time it took', async () => {
    const delayMs = 30;
    handle = async (request, response) => {
      simulateNext(request, ROUTE);
      const start = performance.now();
      // Timers may fire a little early; wait until the delay has really passed.
      while (performance.now() - start < delayMs) {
        await new Promise((resolve) => setTimeout(resolve, delayMs - (performance.now() - start)));
      }
      response.end('ok');
    };
    const before = await collect();
    expect(await send('/things/42')).toEqual({ status: 200, body: 'ok' });
    const recorded = recordedBetween(before, await collect());

    expect(recorded).toEqual([
      { attributes: expected('GET', 200, { 'http.route': ROUTE }), count: 1, sum: expect.any(Number) },
    ]);
    expect(recorded[0].attributes).not.toHaveProperty('error.type');
    expect(recorded[0].sum).toBeGreaterThanOrEqual(delayMs / 1000);
    // Seconds, not milliseconds.
    expect(recorded[0].sum).toBeLessThan(5);
  });

  test.each([
    [200, undefined],
    [201, undefined],
    [302, undefined],
    [404, undefined],
    [499, undefined],
    [500, '500'],
    [503, '503'],
  ])('status %i is recorded with error.type %s', async (status, errorType) => {
    handle = (request, response) => {
      simulateNext(request, ROUTE);
      response.statusCode = status;
      response.end();
    };
    const before = await collect();
    expect((await send('/things/7')).status).toBe(status);
    const recorded = recordedBetween(before, await collect());

    const attributes = expected('GET', status, { 'http.route': ROUTE });
    if (errorType !== undefined) attributes['error.type'] = errorType;
    expect(recorded).toEqual([{ attributes, count: 1, sum: expect.any(Number) }]);
  });

  test.each([
    ['GET', 'GET'],
    ['HEAD', 'HEAD'],
    ['POST', 'POST'],
    ['PUT', 'PUT'],
    ['PATCH', 'PATCH'],
    ['DELETE', 'DELETE'],
    ['OPTIONS', 'OPTIONS'],
    ['PURGE', '_OTHER'],
    ['PROPFIND', '_OTHER'],
  ])('method %s is recorded as %s', async (method, recordedMethod) => {
    const before = await collect();
    expect((await send('/things/1', { method })).status).toBe(200);
    const recorded = recordedBetween(before, await collect());

    expect(recorded).toEqual([{ attributes: expected(recordedMethod, 200), count: 1, sum: expect.any(Number) }]);
    expect(activeFor(await collect(), recordedMethod)).toBe(0);
  });

  test('a request Next did not route has no http.route', async () => {
    const before = await collect();
    expect((await send('/no/such/page')).status).toBe(200);
    const recorded = recordedBetween(before, await collect());

    expect(recorded).toEqual([{ attributes: expected('GET', 200), count: 1, sum: expect.any(Number) }]);
    expect(recorded[0].attributes).not.toHaveProperty('http.route');
  });

  test.each(['/metrics', '/metrics?x=1', '/_next/static/chunk.js', '/_next/static/css/app.css?v=2', '/__nextjs_font/x'])(
    '%s is neither recorded nor counted as active, and runs outside the request context',
    async (path) => {
      let activeWhileServing: number | undefined;
      let storeWhileServing: RequestState | undefined | null = null;
      handle = async (_request, response) => {
        storeWhileServing = requestContext.getStore();
        activeWhileServing = activeFor(await collect(), 'GET');
        response.end('ok');
      };
      const before = await collect();
      expect(await send(path)).toEqual({ status: 200, body: 'ok' });
      const after = await collect();

      expect(activeWhileServing).toBe(0);
      expect(storeWhileServing).toBeUndefined();
      expect(recordedBetween(before, after)).toEqual([]);
      expect(activeFor(after, 'GET')).toBe(0);
    },
  );

  test.each<[string, Handler, number]>([
    // Partial Prerendering: the shell streams with 200, then the page's notFound() sets 404 too late.
    ['status set after the body started', (_request, response) => {
      response.write('shell');
      response.statusCode = 404;
      response.end('not found');
    }, 200],
    ['status set after an explicit writeHead', (_request, response) => {
      response.writeHead(201);
      response.statusCode = 500;
      response.end();
    }, 201],
    ['status set before the headers', (_request, response) => {
      response.statusCode = 404;
      response.end('not found');
    }, 404],
  ])('records the status the client received: %s', async (_name, handler, status) => {
    handle = handler;
    const before = await collect();
    expect((await send('/things/1')).status).toBe(status);
    expect(recordedBetween(before, await collect())).toEqual([{ attributes: expected('GET', status), count: 1, sum: expect.any(Number) }]);
  });

  test('a request in flight counts as active until it ends', async () => {
    const entered = deferred();
    const release = deferred();
    handle = async (request, response) => {
      simulateNext(request, ROUTE);
      entered.resolve();
      await release.promise;
      response.end('ok');
    };
    const before = await collect();
    expect(activeFor(before, 'GET')).toBe(0);

    const sent = send('/things/3');
    await entered.promise;
    const during = await collect();
    expect(activeFor(during, 'GET')).toBe(1);
    expect(recordedBetween(before, during)).toEqual([]);

    release.resolve();
    expect((await sent).status).toBe(200);
    const after = await collect();
    expect(activeFor(after, 'GET')).toBe(0);
    expect(recordedBetween(before, after)).toEqual([
      { attributes: expected('GET', 200, { 'http.route': ROUTE }), count: 1, sum: expect.any(Number) },
    ]);
  });

  test('a client that disconnects after the headers and part of the body is aborted, with the status that was sent', async () => {
    const responseClosed = deferred();
    handle = (request, response) => {
      simulateNext(request, ROUTE);
      response.on('close', () => responseClosed.resolve());
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('part of the body');
      // Never ends: the client goes away first.
    };
    const before = await collect();
    const sent = await send('/things/9', { abortAfterFirstChunk: true });
    await responseClosed.promise;
    expect(sent).toEqual({ status: 200, body: 'part of the body' });
    const after = await collect();

    expect(recordedBetween(before, after)).toEqual([
      {
        attributes: expected('GET', 200, { 'http.route': ROUTE, 'error.type': ABORTED_ERROR_TYPE }),
        count: 1,
        sum: expect.any(Number),
      },
    ]);
    expect(ABORTED_ERROR_TYPE).toBe('aborted');
    expect(activeFor(after, 'GET')).toBe(0);
  });

  test('a client that disconnects before the headers are sent is aborted, without a status code', async () => {
    const entered = deferred();
    const responseClosed = deferred();
    let headersSentAtClose: boolean | undefined;
    handle = (request, response) => {
      simulateNext(request, ROUTE);
      response.on('close', () => {
        headersSentAtClose = response.headersSent;
        responseClosed.resolve();
      });
      entered.resolve();
      // Never answers: the client goes away first.
    };
    const before = await collect();
    expect(await sendAndLeave('/things/10', entered.promise)).toEqual({ gotResponse: false });
    await responseClosed.promise;
    const after = await collect();

    expect(headersSentAtClose).toBe(false);
    const recorded = recordedBetween(before, after);
    expect(recorded).toEqual([
      {
        attributes: {
          'http.request.method': 'GET',
          'url.scheme': 'http',
          'http.route': ROUTE,
          'error.type': ABORTED_ERROR_TYPE,
        },
        count: 1,
        sum: expect.any(Number),
      },
    ]);
    expect(recorded[0].attributes).not.toHaveProperty('http.response.status_code');
    expect(activeFor(after, 'GET')).toBe(0);
  });

  test('the handler sees the request state, and its extra attributes never override the semconv ones', async () => {
    let seen: RequestState | undefined;
    let seenAfterAwait: RequestState | undefined;
    let responseSeen: ServerResponse | undefined;
    let endedWhileServing: boolean | undefined;
    const before = performance.now();
    handle = async (request, response) => {
      simulateNext(request, '/tenants/[tenant]');
      responseSeen = response;
      seen = requestContext.getStore();
      endedWhileServing = seen?.ended;
      await new Promise((resolve) => setImmediate(resolve));
      seenAfterAwait = requestContext.getStore();
      seen!.extraAttributes = {
        tenant: 'a',
        'http.request.method': 'HACKED',
        'http.response.status_code': 999,
        'url.scheme': 'gopher',
        'http.route': '/hacked',
      };
      response.statusCode = 201;
      response.end();
    };
    const snapshotBefore = await collect();
    expect((await send('/tenants/a', { method: 'POST' })).status).toBe(201);
    const recorded = recordedBetween(snapshotBefore, await collect());

    expect(seen).toBeDefined();
    expect(seenAfterAwait).toBe(seen);
    expect(seen!.startTime).toBeGreaterThanOrEqual(before);
    expect(seen!.startTime).toBeLessThanOrEqual(performance.now());
    expect(seen!.response).toBe(responseSeen);
    expect(endedWhileServing).toBe(false);
    expect(seen!.ended).toBe(true);
    expect(recorded).toEqual([
      {
        attributes: expected('POST', 201, { 'http.route': '/tenants/[tenant]', tenant: 'a' }),
        count: 1,
        sum: expect.any(Number),
      },
    ]);
    expect(requestContext.getStore()).toBeUndefined();
  });

  test('requests that reuse a keep-alive connection are each recorded', async () => {
    const sockets = new Set<unknown>();
    handle = (request, response) => {
      sockets.add(request.socket);
      simulateNext(request, ROUTE);
      response.end('ok');
    };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const before = await collect();
      for (let i = 0; i < 3; i++) expect((await send(`/things/${i}`, { agent })).status).toBe(200);
      const after = await collect();

      expect(sockets.size).toBe(1);
      expect(recordedBetween(before, after)).toEqual([
        { attributes: expected('GET', 200, { 'http.route': ROUTE }), count: 3, sum: expect.any(Number) },
      ]);
      expect(activeFor(after, 'GET')).toBe(0);
    } finally {
      agent.destroy();
    }
  });

  test('concurrent requests each get their own state', async () => {
    const states: (RequestState | undefined)[] = [];
    const bothEntered = deferred();
    handle = async (_request, response) => {
      const state = requestContext.getStore();
      states.push(state);
      if (states.length === 2) bothEntered.resolve();
      await bothEntered.promise;
      state!.extraAttributes = { tenant: `t${states.indexOf(state)}` };
      response.end();
    };
    const before = await collect();
    await Promise.all([send('/a'), send('/b')]);
    const recorded = recordedBetween(before, await collect());

    expect(states).toHaveLength(2);
    expect(states[0]).toBeDefined();
    expect(states[1]).toBeDefined();
    expect(states[0]).not.toBe(states[1]);
    expect(recorded.map((p) => p.attributes.tenant).sort()).toEqual(['t0', 't1']);
    expect(recorded.every((p) => p.count === 1)).toBe(true);
  });

  test('pipelined requests still queued when the client disconnects are each recorded as aborted and no longer active', async () => {
    // Regression: the responses of the 2nd and 3rd requests are queued behind the 1st and never get
    // a socket, so they never emit 'close'; only the requests themselves do.
    const delayMs = 200;
    const handled: Promise<void>[] = [];
    const allEntered = deferred();
    handle = (_request, response) => {
      handled.push(
        new Promise<void>((resolve) =>
          setTimeout(() => {
            response.end('late');
            resolve();
          }, delayMs),
        ),
      );
      if (handled.length === 3) allEntered.resolve();
    };
    const before = await collect();
    expect(activeFor(before, 'GET')).toBe(0);

    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => {});
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n'.repeat(3));
    await allEntered.promise;
    const during = await collect();
    expect(activeFor(during, 'GET')).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();

    try {
      const after = await untilNoneActive('GET');
      expect(received).toEqual([]); // the client left before any response
      expect(activeFor(after, 'GET')).toBe(0);
      expect(recordedBetween(before, after)).toEqual([
        {
          attributes: { 'http.request.method': 'GET', 'url.scheme': 'http', 'error.type': ABORTED_ERROR_TYPE },
          count: 3,
          sum: expect.any(Number),
        },
      ]);
    } finally {
      // Let the handlers answer into the void before the next test, and check nothing more is recorded.
      await Promise.all(handled);
    }
    const settled = await collect();
    expect(recordedBetween(before, settled)).toEqual([
      {
        attributes: { 'http.request.method': 'GET', 'url.scheme': 'http', 'error.type': ABORTED_ERROR_TYPE },
        count: 3,
        sum: expect.any(Number),
      },
    ]);
    expect(activeFor(settled, 'GET')).toBe(0);
  });
});

// Next's process-wide manifests singleton (next/dist/server/app-render/manifests-singleton.js).
const NEXT_MANIFESTS = Symbol.for('next.server.manifests');
const ACTION_ID = '40a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const ACTION_NAME = { 'code.function.name': 'createThingAction', 'code.file.path': 'lib/things/actions.ts' };
const OTHER_ACTION = { 'code.function.name': '_OTHER' };
const NEW_THING_ROUTE = '/things/new';

type ManifestsGlobal = Record<symbol, unknown>;

/** Sets Next's manifests singleton with the given server actions, as Next does before it runs one. */
function setServerActions(node: Record<string, unknown>): void {
  (globalThis as ManifestsGlobal)[NEXT_MANIFESTS] = {
    serverActionsManifest: { node: Object.assign(Object.create(null), node), edge: Object.create(null), encryptionKey: '' },
  };
}

/** A handler that answers like Next's action handler: routed to the page, then the given status. */
function answerAction(status = 200): Handler {
  return (request, response) => {
    simulateNext(request, NEW_THING_ROUTE);
    response.statusCode = status;
    response.end('0:{}');
  };
}

describe('server actions', () => {
  beforeEach(() => {
    expect((globalThis as ManifestsGlobal)[NEXT_MANIFESTS]).toBeUndefined();
    setServerActions({
      [ACTION_ID]: {
        workers: { 'app/things/new/page': { moduleId: 1, async: false } },
        filename: ACTION_NAME['code.file.path'],
        exportedName: ACTION_NAME['code.function.name'],
      },
    });
  });

  afterEach(() => {
    delete (globalThis as ManifestsGlobal)[NEXT_MANIFESTS];
  });

  test('a POST with a known Next-Action id is recorded under its name and file, and as the POST to its page', async () => {
    handle = answerAction();
    const before = await collect();
    expect((await send('/things/new', { method: 'POST', headers: { 'next-action': ACTION_ID } })).status).toBe(200);
    const after = await collect();

    const actions = recordedBetween(before, after, 'actions');
    expect(actions).toEqual([{ attributes: ACTION_NAME, count: 1, sum: expect.any(Number) }]);
    const requests = recordedBetween(before, after);
    expect(requests).toEqual([
      { attributes: expected('POST', 200, { 'http.route': NEW_THING_ROUTE }), count: 1, sum: expect.any(Number) },
    ]);
    expect(actions[0].sum).toBe(requests[0].sum);
  });

  test.each([
    ['a well-formed id of another build', 'ff00112233445566778899aabbccddeeff00112233'],
    ['an inherited property name', 'constructor'],
    ['__proto__', '__proto__'],
    ['garbage', 'x'.repeat(300)],
  ])('an id the build does not know (%s) is recorded as _OTHER, never as the id', async (_case, id) => {
    handle = answerAction(409);
    const before = await collect();
    expect((await send('/things/new', { method: 'POST', headers: { 'next-action': id } })).status).toBe(409);
    const actions = recordedBetween(before, await collect(), 'actions');

    expect(actions).toEqual([{ attributes: OTHER_ACTION, count: 1, sum: expect.any(Number) }]);
    expect(JSON.stringify(actions)).not.toContain(id);
  });

  test.each([
    ['a GET with a Next-Action header', 'GET', { 'next-action': ACTION_ID }],
    ['a PUT with a Next-Action header', 'PUT', { 'next-action': ACTION_ID }],
    ['a POST without one', 'POST', {}],
    // Next re-sends an action to the page bundle that holds it; the client's request is the one counted.
    ['the request Next forwards to another page', 'POST', { 'next-action': ACTION_ID, 'x-action-forwarded': '1' }],
  ])('%s is not a server action', async (_case, method, headers) => {
    handle = answerAction();
    const before = await collect();
    expect((await send('/things/new', { method, headers })).status).toBe(200);
    const after = await collect();

    expect(recordedBetween(before, after, 'actions')).toEqual([]);
    expect(recordedBetween(before, after)).toEqual([
      { attributes: expected(method, 200, { 'http.route': NEW_THING_ROUTE }), count: 1, sum: expect.any(Number) },
    ]);
  });

  // Next 16.4 answers an action that threw with 500 (the error travels in the RSC payload), notFound()
  // with 404, redirect() with 200 (the target travels in the payload), an unknown id with 409.
  test.each([
    [200, undefined],
    [404, undefined],
    [409, undefined],
    [500, '500'],
    [503, '503'],
  ])('an action answered %i is recorded with error.type %s', async (status, errorType) => {
    handle = answerAction(status);
    const before = await collect();
    expect((await send('/things/new', { method: 'POST', headers: { 'next-action': ACTION_ID } })).status).toBe(status);
    const actions = recordedBetween(before, await collect(), 'actions');

    const attributes = errorType === undefined ? ACTION_NAME : { ...ACTION_NAME, 'error.type': errorType };
    expect(actions).toEqual([{ attributes, count: 1, sum: expect.any(Number) }]);
  });

  test('a cross-origin action that Next refuses (500, its CSRF check) is the action refused, not the action failing', async () => {
    handle = answerAction(500);
    const before = await collect();
    const headers = { 'next-action': ACTION_ID, origin: 'http://evil.example' };
    expect((await send('/things/new', { method: 'POST', headers })).status).toBe(500);
    const after = await collect();

    const rejected = { 'error.type': 'rejected.cross_origin_action' };
    expect(recordedBetween(before, after, 'actions')).toEqual([{ attributes: { ...ACTION_NAME, ...rejected }, count: 1, sum: expect.any(Number) }]);
    expect(recordedBetween(before, after)).toEqual([
      { attributes: expected('POST', 500, { 'http.route': NEW_THING_ROUTE, ...rejected }), count: 1, sum: expect.any(Number) },
    ]);
  });

  test('an action whose client disconnects before the response is complete is aborted', async () => {
    const responseClosed = deferred();
    handle = (request, response) => {
      simulateNext(request, NEW_THING_ROUTE);
      response.on('close', () => responseClosed.resolve());
      response.writeHead(200);
      response.write('0:');
    };
    const before = await collect();
    await send('/things/new', { method: 'POST', headers: { 'next-action': ACTION_ID }, abortAfterFirstChunk: true });
    await responseClosed.promise;
    const actions = recordedBetween(before, await collect(), 'actions');

    expect(actions).toEqual([{ attributes: { ...ACTION_NAME, 'error.type': 'aborted' }, count: 1, sum: expect.any(Number) }]);
  });

  test('an id is looked up again until the manifest has it, as in next dev where actions compile on demand', async () => {
    const lateId = '00aa0000000000000000000000000000000000bb01';
    handle = answerAction();
    const before = await collect();
    await send('/things/new', { method: 'POST', headers: { 'next-action': lateId } });
    setServerActions({ [lateId]: { workers: {}, filename: 'lib/things/late.ts', exportedName: 'lateAction' } });
    await send('/things/new', { method: 'POST', headers: { 'next-action': lateId } });
    const actions = recordedBetween(before, await collect(), 'actions');

    expect(actions).toEqual([
      { attributes: OTHER_ACTION, count: 1, sum: expect.any(Number) },
      { attributes: { 'code.function.name': 'lateAction', 'code.file.path': 'lib/things/late.ts' }, count: 1, sum: expect.any(Number) },
    ]);
  });

  test.each([
    ['no manifests at all', undefined],
    ['a manifest of another shape', { serverActions: { [ACTION_ID]: { name: 'createThingAction' } } }],
    [
      'a manifest that throws when read',
      {
        get serverActionsManifest() {
          throw new Error('boom');
        },
      },
    ],
  ])('with %s, actions are recorded as _OTHER and requests as usual', async (_case, manifests) => {
    const otherId = '00cc0000000000000000000000000000000000dd02';
    if (manifests === undefined) delete (globalThis as ManifestsGlobal)[NEXT_MANIFESTS];
    else (globalThis as ManifestsGlobal)[NEXT_MANIFESTS] = manifests;
    handle = answerAction();
    const before = await collect();
    expect((await send('/things/new', { method: 'POST', headers: { 'next-action': otherId } })).status).toBe(200);
    const after = await collect();

    expect(recordedBetween(before, after, 'actions')).toEqual([{ attributes: OTHER_ACTION, count: 1, sum: expect.any(Number) }]);
    expect(recordedBetween(before, after)).toEqual([
      { attributes: expected('POST', 200, { 'http.route': NEW_THING_ROUTE }), count: 1, sum: expect.any(Number) },
    ]);
  });
});

class PaymentDeclined extends Error {}

describe('exceptions Next reports (onRequestError)', () => {
  let errors: RequestErrorRecorder;
  beforeEach(() => {
    errors = new RequestErrorRecorder(recorder, true);
  });

  /** A handler that fails as Next's does: routed, onRequestError with the request's own headers, then `status`. */
  function failWith(error: unknown, status = 500, route = ROUTE): Handler {
    return (request, response) => {
      simulateNext(request, route);
      errors.record(error, { path: request.url!, method: request.method!, headers: request.headers }, { routerKind: 'App Router', routePath: `${route}/page`, routeType: 'render' });
      response.statusCode = status;
      response.end('failed');
    };
  }

  test("a 500 after an exception is recorded with the exception's class as error.type, and the error joins its group", async () => {
    handle = failWith(new PaymentDeclined('card 4242 declined'));
    const before = await collect();
    expect((await send('/things/9')).status).toBe(500);
    await send('/things/10');
    const recorded = recordedBetween(before, await collect());

    expect(recorded).toEqual([{ attributes: expected('GET', 500, { 'http.route': ROUTE, 'error.type': 'PaymentDeclined' }), count: 2, sum: expect.any(Number) }]);
    const groups = [...errors.groups.all().values()];
    expect(groups).toEqual([
      expect.objectContaining({ method: 'GET', route: ROUTE, serverAction: undefined, errorType: 'PaymentDeclined', message: 'card <n> declined', count: 2 }),
    ]);
    expect(groups[0].latestStack).toMatch(/^Error: card 4242 declined\n    at /);
  });

  test('a request is found by its headers while in flight only: none is kept once it is recorded', async () => {
    let headers: object | undefined;
    let foundWhileServing = false;
    handle = (request, response) => {
      headers = request.headers;
      foundWhileServing = recorder.requestStateOf(request.headers) !== undefined;
      response.end();
    };
    await send('/things/12');
    expect(foundWhileServing).toBe(true);
    expect(recorder.requestStateOf(headers!)).toBeUndefined();
  });

  test('an exception in a response already sent as 200 (a streamed page) leaves error.type unset, and still counts in its group', async () => {
    handle = failWith(new TypeError('x is undefined'), 200);
    const before = await collect();
    await send('/things/11');
    const recorded = recordedBetween(before, await collect());

    expect(recorded).toEqual([{ attributes: expected('GET', 200, { 'http.route': ROUTE }), count: 1, sum: expect.any(Number) }]);
    expect([...errors.groups.drain().values()]).toEqual([1]);
  });

  test('a plain Error says no more than the status: error.type stays the status code, and the error is grouped as an Error', async () => {
    handle = failWith(new Error('carrier refused order 12'));
    const before = await collect();
    await send('/things/13');
    const recorded = recordedBetween(before, await collect());

    expect(recorded).toEqual([{ attributes: expected('GET', 500, { 'http.route': ROUTE, 'error.type': '500' }), count: 1, sum: expect.any(Number) }]);
    expect([...errors.groups.all().values()]).toEqual([expect.objectContaining({ errorType: 'Error', message: 'carrier refused order <n>' })]);
  });

  test('an error in proxy.ts (Next passes a copy of the headers) is grouped under its file, without a method', async () => {
    handle = (request, response) => {
      errors.record(new Error('proxy failed'), { path: request.url!, method: 'GET', headers: { ...request.headers } }, { routerKind: 'App Router', routePath: '/proxy', routeType: 'proxy' });
      response.statusCode = 500;
      response.end();
    };
    const before = await collect();
    await send('/anything');
    const recorded = recordedBetween(before, await collect());

    expect(recorded).toEqual([{ attributes: expected('GET', 500, { 'error.type': '500' }), count: 1, sum: expect.any(Number) }]);
    expect([...errors.groups.all().values()]).toEqual([expect.objectContaining({ method: undefined, route: '/proxy', errorType: 'Error', message: 'proxy failed' })]);
  });

  test('a server action that throws: error.type on both histograms, and the group under its name', async () => {
    setServerActions({ [ACTION_ID]: { workers: {}, filename: ACTION_NAME['code.file.path'], exportedName: ACTION_NAME['code.function.name'] } });
    try {
      handle = failWith(new RangeError('quantity 0 out of range'), 500, NEW_THING_ROUTE);
      const before = await collect();
      await send('/things/new', { method: 'POST', headers: { 'next-action': ACTION_ID } });
      const after = await collect();

      expect(recordedBetween(before, after, 'actions')).toEqual([{ attributes: { ...ACTION_NAME, 'error.type': 'RangeError' }, count: 1, sum: expect.any(Number) }]);
      expect(recordedBetween(before, after)).toEqual([
        { attributes: expected('POST', 500, { 'http.route': NEW_THING_ROUTE, 'error.type': 'RangeError' }), count: 1, sum: expect.any(Number) },
      ]);
      expect([...errors.groups.all().values()]).toEqual([expect.objectContaining({ method: 'POST', route: NEW_THING_ROUTE, serverAction: 'createThingAction', errorType: 'RangeError' })]);
    } finally {
      delete (globalThis as ManifestsGlobal)[NEXT_MANIFESTS];
    }
  });

  test('error.type takes at most MAX_EXCEPTION_TYPES exception types; later ones are _OTHER', async () => {
    const recorderOnly = new RequestErrorRecorder(recorder, true);
    for (let i = 0; i < 60; i++) {
      const error = new Error('x');
      error.name = `Type${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`;
      recorderOnly.record(error, undefined, undefined);
    }
    const types = new Set([...recorderOnly.groups.all().values()].map((group) => group.errorType));
    expect(types.size).toBe(51);
    expect(types.has('_OTHER')).toBe(true);
  });
});

describe('requests Next refuses before the app runs', () => {
  /** Answers like Next: routed to `route` as `kind`, then the given status. */
  function answerAs(status: number, route = ROUTE, kind: 'APP_PAGE' | 'APP_ROUTE' = 'APP_PAGE'): Handler {
    return (request, response) => {
      simulateNext(request, route, kind);
      response.statusCode = status;
      response.end();
    };
  }

  test.each<[string, string, string, Record<string, string>, 'APP_PAGE' | 'APP_ROUTE', string]>([
    ['TRACE to a route handler', 'TRACE', '/things/1', {}, 'APP_ROUTE', 'rejected.unsupported_method'],
    ['TRACE to a page (through a proxy.ts)', 'TRACE', '/things/1', {}, 'APP_PAGE', 'rejected.unsupported_method'],
    ['GET *', 'GET', '*', {}, 'APP_PAGE', 'rejected.invalid_target'],
    ['OPTIONS *', 'OPTIONS', '*', {}, 'APP_PAGE', 'rejected.invalid_target'],
    ['an RSC request with a garbage router state', 'GET', '/things/1', { rsc: '1', 'next-router-state-tree': 'garbage' }, 'APP_PAGE', 'rejected.invalid_router_state'],
    ['an RSC request with a router state that is not an array', 'GET', '/things/1', { rsc: '1', 'next-router-state-tree': '%7B%7D' }, 'APP_PAGE', 'rejected.invalid_router_state'],
    ['a form posted from another site', 'POST', '/things/1', { origin: 'http://evil.example', 'content-type': 'multipart/form-data; boundary=x' }, 'APP_PAGE', 'rejected.cross_origin_action'],
    ['an action from an opaque origin', 'POST', '/things/1', { origin: 'null', 'next-action': 'x' }, 'APP_PAGE', 'rejected.cross_origin_action'],
    ['an action whose Origin is no URL', 'POST', '/things/1', { origin: 'garbage', 'next-action': 'x' }, 'APP_PAGE', 'rejected.cross_origin_action'],
    // Next compares the Origin with the X-Forwarded-Host alone when there is one.
    ['an action whose Origin is the Host but not the X-Forwarded-Host', 'POST', '/things/1', { origin: 'http://127.0.0.1', host: '127.0.0.1', 'x-forwarded-host': 'elsewhere.example', 'next-action': 'x' }, 'APP_PAGE', 'rejected.cross_origin_action'],
  ])('%s answered 500 has error.type %s', async (_case, method, path, headers, kind, errorType) => {
    handle = answerAs(500, ROUTE, kind);
    const before = await collect();
    expect((await send(path, { method, headers })).status).toBe(500);
    const [recorded, ...rest] = recordedBetween(before, await collect());

    expect(rest).toEqual([]);
    expect(recorded.attributes).toMatchObject({ 'http.response.status_code': 500, 'error.type': errorType });
  });

  test.each<[string, string, Record<string, string>, 'APP_PAGE' | 'APP_ROUTE']>([
    ['a GET that failed', 'GET', {}, 'APP_PAGE'],
    ['a POST from another site to a route handler', 'POST', { origin: 'http://evil.example', 'content-type': 'multipart/form-data; boundary=x' }, 'APP_ROUTE'],
    ['an action from the same origin', 'POST', { origin: 'http://localhost', host: 'localhost', 'next-action': 'x' }, 'APP_PAGE'],
    ['an action from the origin a proxy forwarded', 'POST', { origin: 'https://shop.example', 'x-forwarded-host': 'shop.example, proxy.internal', 'next-action': 'x' }, 'APP_PAGE'],
    ['an action without an Origin (Next lets it through)', 'POST', { 'next-action': 'x' }, 'APP_PAGE'],
    // Next renders the page for a url-encoded form before any origin check.
    ['a url-encoded form posted from another site', 'POST', { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, 'APP_PAGE'],
    ['an RSC request with a router state Next can parse', 'GET', { rsc: '1', 'next-router-state-tree': encodeURIComponent('["",{"children":["__PAGE__",{}]}]') }, 'APP_PAGE'],
  ])("%s is the app's own 500 (error.type 500)", async (_case, method, headers, kind) => {
    handle = answerAs(500, ROUTE, kind);
    const before = await collect();
    expect((await send('/things/1', { method, headers })).status).toBe(500);
    const [recorded] = recordedBetween(before, await collect());

    expect(recorded.attributes['error.type']).toBe('500');
  });

  test('the same requests answered without a 5xx are no errors at all', async () => {
    handle = answerAs(200);
    const before = await collect();
    expect((await send('/things/1', { method: 'TRACE' })).status).toBe(200);
    const [recorded] = recordedBetween(before, await collect());

    expect(recorded.attributes).not.toHaveProperty('error.type');
  });
});

describe("meterboard's own paths", () => {
  test.each([
    ['/metrics', 'GET, HEAD, OPTIONS'],
    ['/meterboard/api/stats?window=1m', 'GET, HEAD, OPTIONS'],
    ['/meterboard', 'GET, HEAD, POST'],
    ['/meterboard/routes', 'GET, HEAD, POST'],
  ])('TRACE %s answers 405 with Allow: %s before the app sees it, unrecorded', async (path, allow) => {
    let reachedApp = false;
    handle = (_request, response) => {
      reachedApp = true;
      response.end();
    };
    const before = await collect();
    const response = await new Promise<http.IncomingMessage & { body: string }>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, path, method: 'TRACE', agent: false }, (incoming) => {
        let body = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (body += chunk));
        incoming.on('end', () => resolve(Object.assign(incoming, { body })));
      });
      request.on('error', reject);
      request.end();
    });

    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(JSON.parse(response.body)).toEqual({ error: { code: 'method_not_allowed', message: `TRACE is not supported here; use ${allow.replace(/, (?=\w+$)/, ' or ')}.` } });
    expect(reachedApp).toBe(false);
    expect(recordedBetween(before, await collect())).toEqual([]);
  });

  test.each(['/things/1', '/meterboards', '/metrics/x'])('TRACE %s is left to the app', async (path) => {
    handle = (_request, response) => {
      response.end('traced');
    };
    expect(await send(path, { method: 'TRACE' })).toEqual({ status: 200, body: 'traced' });
  });
});

describe('excluded paths are matched by the route Next chose too', () => {
  test.each(['/%2e/metrics', '/a/../metrics', '/./metrics'])('%s, routed by Next to /metrics, is not recorded', async (path) => {
    handle = (request, response) => {
      simulateNext(request, '/metrics', 'APP_ROUTE');
      response.end('metrics');
    };
    const before = await collect();
    expect((await send(path)).status).toBe(200);
    expect(recordedBetween(before, await collect())).toEqual([]);
  });
});

describe('pathMatcher', () => {
  test.each([
    ['/meterboard', '', true],
    ['/meterboard/api/stats', '', true],
    ['/meterboards', '', false],
    ['/metrics', '', true],
    ['/metrics/x', '', true],
    ['/', '', false],
    ['/docs/meterboard', '/docs', true],
    ['/meterboard', '/docs', false],
    ['/docs', '/docs', false],
  ])('%j under basePath %j is excluded: %s', (path, basePath, excluded) => {
    expect(pathMatcher(['/meterboard', '/metrics'], basePath)(path)).toBe(excluded);
  });

  test('"/" excludes every path of the app', () => {
    expect(pathMatcher(['/'])('/anything')).toBe(true);
    expect(pathMatcher(['/'], '/docs')('/docs/anything')).toBe(true);
  });
});
