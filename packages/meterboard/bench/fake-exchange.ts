// Requests without a network: a request and response pair that the HTTP server's 'request' event
// accepts and that closes the way Node closes a finished response, so a benchmark drives the real
// recording path (the emit patch of src/record/http-server-metrics.ts) and measures nothing else.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const NEXT_REQUEST_META = Symbol.for('NextInternalRequestMeta');

/** A request for `url` that Next matched to `route` (undefined: matched nothing), answered `status`. */
export function fakeExchange(url: string, route: string | undefined, status = 200, method = 'GET') {
  const request = Object.assign(new EventEmitter(), {
    url,
    method,
    headers: {},
    socket: { encrypted: false, destroyed: false },
    [NEXT_REQUEST_META]: route === undefined ? {} : { match: { definition: { pathname: route, kind: 'APP_ROUTE' } } },
  });
  const response = Object.assign(new EventEmitter(), { req: request, statusCode: status, headersSent: true, writableFinished: true });
  return { request, response };
}

/** Emits the exchange on `server` as Node does: 'request', then the response's 'close'. */
export function serve(server: http.Server, exchange: ReturnType<typeof fakeExchange>): void {
  server.emit('request', exchange.request, exchange.response);
  exchange.response.emit('close');
}

/** An http.Server that does not listen; `bare` ones keep EventEmitter's own emit, whatever patched the prototype. */
export function offlineServer({ bare = false } = {}): http.Server {
  const server = new http.Server();
  if (bare) server.emit = EventEmitter.prototype.emit;
  return server;
}

/** Microseconds per request of `requests` exchanges through `server`, cycling through `exchanges`. */
export function microsecondsPerRequest(server: http.Server, exchanges: ReadonlyArray<{ url: string; route: string | undefined; status: number }>, requests: number): number {
  const start = performance.now();
  for (let i = 0; i < requests; i++) {
    const { url, route, status } = exchanges[i % exchanges.length];
    serve(server, fakeExchange(url, route, status));
  }
  return ((performance.now() - start) * 1000) / requests;
}
