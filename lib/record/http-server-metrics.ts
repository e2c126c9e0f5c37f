import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Attributes, Meter } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_SCHEME,
  METRIC_HTTP_SERVER_REQUEST_DURATION,
} from '@opentelemetry/semantic-conventions';
import { logOnce } from '../log-once';
import {
  ABORTED_ERROR_TYPE,
  DURATION_BUCKETS_S,
  METRIC_HTTP_SERVER_ACTIVE_REQUESTS,
} from './http-instruments';
import { routeTemplateOf } from './route-template';

// https://opentelemetry.io/docs/specs/semconv/http/http-spans/#common-attributes: any other method is _OTHER.
const KNOWN_METHODS = new Set(['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE']);
const OTHER_METHOD = '_OTHER';

/** Paths Next serves from disk or for its dev tooling, not the app's routes (Next emits no span for them either). */
function isNextInternalPath(path: string): boolean {
  return path.startsWith('/_next/static/') || path.startsWith('/__nextjs');
}

const PATCHED = Symbol.for('meterboard.httpServerPatched');
const REQUEST_STATE = Symbol('meterboard.requestState');

/** What meterboard keeps about one request in flight. */
export interface RequestState {
  /** performance.now() when the server received the request, milliseconds. */
  readonly startTime: number;
  readonly attributes: AttributeCache;
  /** Extra attributes added while serving (see withRouteMetrics); semconv attributes win on conflict. */
  extraAttributes: Attributes | undefined;
  readonly response: ServerResponse;
  /** Set once the request is recorded, by whichever 'close' came first. */
  ended: boolean;
}

interface Options {
  meter: Meter;
  excludedPaths: ReadonlySet<string>;
  requestContext: AsyncLocalStorage<RequestState>;
}

/**
 * Measures every request the process's HTTP servers receive: http.server.request.duration and
 * http.server.active_requests, labelled with Next's route template. Patches Server#emit('request')
 * once per process, so it sees requests before Next does and responses after they are closed.
 */
export function instrumentHttpServer({ meter, excludedPaths, requestContext }: Options): void {
  const duration = meter.createHistogram(METRIC_HTTP_SERVER_REQUEST_DURATION, {
    description: 'Duration of HTTP server requests.',
    unit: 's',
    advice: { explicitBucketBoundaries: DURATION_BUCKETS_S },
  });
  const activeRequests = meter.createUpDownCounter(METRIC_HTTP_SERVER_ACTIVE_REQUESTS, {
    description: 'Number of active HTTP server requests.',
    unit: '{request}',
  });
  const attributeCaches = new Map<string, AttributeCache>();

  function startRequest(request: IncomingMessage, response: ServerResponse): RequestState | undefined {
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    if (excludedPaths.has(path) || isNextInternalPath(path)) return undefined;

    const scheme = (request.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    const method = KNOWN_METHODS.has(request.method ?? '') ? request.method! : OTHER_METHOD;
    const cacheKey = scheme === 'http' ? method : `${method} https`;
    let attributes = attributeCaches.get(cacheKey);
    if (attributes === undefined) {
      attributes = new AttributeCache(method, scheme);
      attributeCaches.set(cacheKey, attributes);
    }

    const state: RequestState = { startTime: performance.now(), attributes, extraAttributes: undefined, response, ended: false };
    (request as RequestWithState)[REQUEST_STATE] = state;
    activeRequests.add(1, attributes.active);
    response.on('close', onResponseClose);
    request.on('close', onRequestClose);
    return state;
  }

  function onResponseClose(this: ServerResponse): void {
    endRequest(this.req as RequestWithState);
  }

  // A pipelined request still queued behind another when the client goes away never gets a
  // 'close' on its response, only on itself; its socket is gone by then.
  function onRequestClose(this: RequestWithState): void {
    if (this.socket?.destroyed) endRequest(this);
  }

  function endRequest(request: RequestWithState): void {
    const state = request[REQUEST_STATE];
    if (state === undefined || state.ended) return;
    state.ended = true;
    try {
      activeRequests.add(-1, state.attributes.active);
    } catch (error) {
      logOnce('active', 'failed to count an HTTP request out; later failures are not logged', error);
    }
    try {
      const { response } = state;
      const seconds = (performance.now() - state.startTime) / 1000;
      // https://opentelemetry.io/docs/specs/semconv/http/http-spans/: the status code only if one was sent.
      const status = response.headersSent ? response.statusCode : undefined;
      const attributes = state.attributes.forResponse(routeTemplateOf(request), status, !response.writableFinished);
      duration.record(seconds, state.extraAttributes ? { ...state.extraAttributes, ...attributes } : attributes);
    } catch (error) {
      logOnce('record', 'failed to record an HTTP request; later failures are not logged', error);
    }
  }

  for (const prototype of [http.Server.prototype, https.Server.prototype] as PatchablePrototype[]) {
    if (prototype[PATCHED]) continue;
    const originalEmit = prototype.emit;
    prototype.emit = function emit(this: unknown, event: string | symbol): boolean {
      if (event === 'request') {
        let state: RequestState | undefined;
        try {
          state = startRequest(arguments[1], arguments[2]);
        } catch (error) {
          logOnce('start', 'failed to start measuring an HTTP request; later failures are not logged', error);
        }
        // Reflect.apply as the callback: no closure allocated per request.
        if (state) return requestContext.run(state, Reflect.apply, originalEmit, this, arguments) as boolean;
      }
      return Reflect.apply(originalEmit, this, arguments) as boolean;
    };
    prototype[PATCHED] = true;
  }
}

/**
 * Attribute objects for one method and scheme, built once per (route, status) and reused, so
 * recording allocates nothing for the common case.
 */
class AttributeCache {
  readonly active: Attributes;
  private readonly byRoute = new Map<string | undefined, Map<number, Attributes>>();

  constructor(
    private readonly method: string,
    private readonly scheme: string,
  ) {
    this.active = { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_SCHEME]: scheme };
  }

  forResponse(route: string | undefined, status: number | undefined, aborted: boolean): Attributes {
    let byStatus = this.byRoute.get(route);
    if (byStatus === undefined) {
      byStatus = new Map();
      this.byRoute.set(route, byStatus);
    }
    // One map for all outcomes: 0 is "no response sent", a negated status is "aborted after sending it".
    const key = status === undefined ? 0 : aborted ? -status : status;
    let attributes = byStatus.get(key);
    if (attributes === undefined) {
      attributes = { ...this.active };
      if (route !== undefined) attributes[ATTR_HTTP_ROUTE] = route;
      if (status !== undefined) attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = status;
      // https://opentelemetry.io/docs/specs/semconv/http/http-metrics/: error.type is the status code on 5xx.
      if (aborted) attributes[ATTR_ERROR_TYPE] = ABORTED_ERROR_TYPE;
      else if (status !== undefined && status >= 500) attributes[ATTR_ERROR_TYPE] = String(status);
      byStatus.set(key, attributes);
    }
    return attributes;
  }
}

type RequestWithState = IncomingMessage & { [REQUEST_STATE]?: RequestState };
type PatchablePrototype = { emit: (this: unknown, event: string | symbol) => boolean; [PATCHED]?: boolean };
