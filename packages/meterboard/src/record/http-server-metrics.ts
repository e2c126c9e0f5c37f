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
import { answeredForbiddenMethod } from '../http/own-path-methods.js';
import { logOnce } from '../log-once.js';
import {
  ABORTED_ERROR_TYPE,
  DURATION_BUCKETS_S,
  FRAMEWORK_REJECTIONS,
  type FrameworkRejection,
  METRIC_HTTP_SERVER_ACTIVE_REQUESTS,
  METRIC_NEXT_SERVER_ACTION_DURATION,
  semconvMethod,
} from './http-instruments.js';
import type { DurationHistogram, DurationHistograms } from './duration-histograms.js';
import { drainSeries, type DrainedSeries, type RecordedSeries } from './recorded-series.js';
import { frameworkRejectionOf } from './framework-rejection.js';
import { routeTemplateOf } from './route-template.js';
import { serverActionIdOf } from './server-action.js';
import { ServerActionAttributeCache } from './server-action-attributes.js';


/** Paths Next serves from disk or for its dev tooling, not the app's routes (Next emits no span for them either). */
// Next's build assets are served under basePath; the dev overlay's endpoints (/__nextjs_*) are not
// (next/dist/server/dev/middleware-turbopack.js matches the raw request path).
function isNextInternalPath(path: string, staticPrefix: string): boolean {
  return path.startsWith(staticPrefix) || path.startsWith('/__nextjs');
}

/**
 * Whether a request path (with the app's basePath) is one of `prefixes` (without it) or lies below
 * one: `/meterboard` matches `/meterboard` and `/meterboard/api/stats`, not `/meterboards`.
 */
export function pathMatcher(prefixes: readonly string[], basePath = ''): (path: string) => boolean {
  const exact = prefixes.map((prefix) => (prefix === '/' && basePath !== '' ? basePath : basePath + prefix));
  const below = exact.map((path) => (path.endsWith('/') ? path : `${path}/`));
  return (path) => {
    for (let i = 0; i < exact.length; i++) if (path === exact[i] || path.startsWith(below[i])) return true;
    return false;
  };
}

const PATCHED = Symbol.for('meterboard.httpServerPatched');
const WRITE_HEAD_PATCHED = Symbol.for('meterboard.writeHeadPatched');
const REQUEST_STATE = Symbol('meterboard.requestState');

/** What meterboard keeps about one request in flight. */
export interface RequestState {
  /** performance.now() when the server received the request, milliseconds. */
  readonly startTime: number;
  readonly attributes: AttributeCache;
  /** Extra attributes added while serving (see withRouteMetrics); semconv attributes win on conflict. */
  extraAttributes: Attributes | undefined;
  /** The Next-Action header of a POST: the server action it runs, unverified client input. */
  readonly serverActionId: string | undefined;
  /** The type of the first exception Next reported for the request (onRequestError); its error.type on a 5xx. */
  exceptionType: string | undefined;
  /** The status line's code, set when the headers were written; undefined while none was. */
  sentStatus: number | undefined;
  readonly response: ServerResponse;
  /** The request's headers object as it was at the start: what onRequestError finds the request by. */
  readonly headers: object;
  /** Set once the request is recorded, by whichever 'close' came first. */
  ended: boolean;
}

interface Options {
  meter: Meter;
  /** Where the duration histograms go: the MetricProducer of meterboard's reader(s). */
  durationHistograms: DurationHistograms;
  /** Path prefixes not measured, without basePath (Config.excludedPaths). */
  excludedPaths: readonly string[];
  /** next.config's basePath ('' for none): every request path starts with it. */
  basePath: string;
  /** Where the dashboard lives, without basePath (Config.dashboardPath). */
  dashboardPath: string;
  /** Entered for every measured request when given, for setRequestAttributes; undefined costs nothing. */
  requestContext: AsyncLocalStorage<RequestState> | undefined;
}

/** What instrumentHttpServer hands to the history. */
export interface HttpServerRecorder {
  /**
   * The series that recorded anything since the previous call, each with a fresh histogram from
   * now on: http.server.request.duration's (semconv attributes, without withRouteMetrics extras)
   * and next.server_action.duration's.
   */
  drain(): { http: DrainedSeries[]; serverActions: DrainedSeries[] };
  /** The request in flight whose headers object this is (Next hands it to onRequestError). */
  requestStateOf(headers: object): RequestState | undefined;
}

/**
 * Measures every request the process's HTTP servers receive: http.server.request.duration and
 * http.server.active_requests, labelled with Next's route template, and next.server_action.duration
 * for the requests that run a server action. Patches Server#emit('request') once per process, so it
 * sees requests before Next does and responses after they are closed, and ServerResponse#writeHead,
 * so the status recorded is the one the status line carried.
 *
 * Each duration is recorded twice, both through the series cached for its attributes, so no
 * measurement hashes attributes (FIELD-NOTES, "sdk-metrics 2.x cost model"): into the series'
 * cumulative semconv explicit buckets, which the reader collects from durationHistograms (a
 * MetricProducer) for /metrics, and into its base-2 exponential histogram for the dashboard's
 * percentiles. Only requests with extra attributes (setRequestAttributes) hash those extras.
 */
export function instrumentHttpServer({ meter, durationHistograms, excludedPaths, basePath, dashboardPath, requestContext }: Options): HttpServerRecorder {
  const duration = durationHistograms.histogram(METRIC_HTTP_SERVER_REQUEST_DURATION, {
    description: 'Duration of HTTP server requests.',
    unit: 's',
    boundaries: DURATION_BUCKETS_S,
  });
  // Asynchronous, read from plain counters at collection: a synchronous add() would hash its
  // attributes twice per request (FIELD-NOTES, "sdk-metrics 2.x cost model"). Same data either way:
  // a non-monotonic cumulative sum per method and scheme.
  const activeRequests = meter.createObservableUpDownCounter(METRIC_HTTP_SERVER_ACTIVE_REQUESTS, {
    description: 'Number of active HTTP server requests.',
    unit: '{request}',
  });
  const serverActionDuration = durationHistograms.histogram(METRIC_NEXT_SERVER_ACTION_DURATION, {
    description: 'Duration of Next.js server actions, from the request to the end of the response.',
    unit: 's',
    boundaries: DURATION_BUCKETS_S,
  });
  const serverActionAttributes = new ServerActionAttributeCache(serverActionDuration);
  const isExcluded = pathMatcher(excludedPaths, basePath);
  // Route templates carry no basePath.
  const isExcludedRoute = pathMatcher(excludedPaths);
  const staticPrefix = `${basePath}/_next/static/`;
  const ownPaths = { basePath, dashboardPath };
  const attributeCaches = new Map<string, AttributeCache>();
  // The requests in flight by their headers object, for onRequestError; each leaves when recorded.
  // A Map: a WeakMap entry per request cost a microsecond in GC (npm run bench -- recording).
  const statesByHeaders = new Map<object, RequestState>();
  activeRequests.addCallback((result) => {
    for (const cache of attributeCaches.values()) result.observe(cache.activeCount, cache.active);
  });

  function startRequest(request: IncomingMessage, response: ServerResponse): RequestState | undefined {
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    if (isExcluded(path) || isNextInternalPath(path, staticPrefix)) return undefined;

    const scheme = (request.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    const method = semconvMethod(request.method);
    const cacheKey = scheme === 'http' ? method : `${method} https`;
    let attributes = attributeCaches.get(cacheKey);
    if (attributes === undefined) {
      attributes = new AttributeCache(method, scheme, duration);
      attributeCaches.set(cacheKey, attributes);
    }

    const state: RequestState = {
      startTime: performance.now(),
      attributes,
      extraAttributes: undefined,
      serverActionId: serverActionIdOf(request),
      exceptionType: undefined,
      sentStatus: undefined,
      response,
      headers: request.headers,
      ended: false,
    };
    (request as RequestWithState)[REQUEST_STATE] = state;
    statesByHeaders.set(state.headers, state);
    attributes.activeCount++;
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
    state.attributes.activeCount--;
    statesByHeaders.delete(state.headers);
    try {
      const { response } = state;
      const seconds = (performance.now() - state.startTime) / 1000;
      // https://opentelemetry.io/docs/specs/semconv/http/http-spans/: the status code only if one was
      // sent, and the one sent: a streamed page may set statusCode after its headers left (FIELD-NOTES).
      const status = state.sentStatus ?? (response.headersSent ? response.statusCode : undefined);
      const route = routeTemplateOf(request);
      // Next routes /%2e/metrics and /a/../metrics as /metrics: the raw path checked at the start
      // misses them, the template Next matched does not.
      if (route !== undefined && isExcludedRoute(route)) return;
      const aborted = !response.writableFinished;
      const rejection = status !== undefined && status >= 500 && !aborted ? frameworkRejectionOf(request) : undefined;
      const exceptionType = aborted || rejection !== undefined ? undefined : state.exceptionType;
      const series = state.attributes.forResponse(route, status, aborted, rejection, exceptionType);
      (state.extraAttributes ? duration.withExtraAttributes(series, state.extraAttributes) : series.histogram).record(seconds);
      series.latency.record(seconds);
      if (state.serverActionId !== undefined) {
        const action = serverActionAttributes.forResponse(state.serverActionId, status, aborted, rejection, exceptionType);
        action.histogram.record(seconds);
        action.latency.record(seconds);
      }
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
          if (answeredForbiddenMethod(arguments[1], arguments[2], ownPaths)) return true;
          state = startRequest(arguments[1], arguments[2]);
        } catch (error) {
          logOnce('start', 'failed to start measuring an HTTP request; later failures are not logged', error);
        }
        // Reflect.apply as the callback: no closure allocated per request.
        if (state && requestContext) return requestContext.run(state, Reflect.apply, originalEmit, this, arguments) as boolean;
      }
      return Reflect.apply(originalEmit, this, arguments) as boolean;
    };
    prototype[PATCHED] = true;
  }

  // Every status line goes through writeHead, called by the app or by Node itself on the first
  // write (ServerResponse#_implicitHeader): the code it writes is the status the client receives.
  const responsePrototype = http.ServerResponse.prototype as unknown as PatchableResponsePrototype;
  if (!responsePrototype[WRITE_HEAD_PATCHED]) {
    const originalWriteHead = responsePrototype.writeHead;
    responsePrototype.writeHead = function writeHead(this: ServerResponse): ServerResponse {
      const result = Reflect.apply(originalWriteHead, this, arguments) as ServerResponse;
      const state = (this.req as RequestWithState | undefined)?.[REQUEST_STATE];
      if (state !== undefined && state.sentStatus === undefined) state.sentStatus = this.statusCode;
      return result;
    };
    responsePrototype[WRITE_HEAD_PATCHED] = true;
  }

  return {
    drain: () => ({ http: drainSeries(duration.series), serverActions: drainSeries(serverActionDuration.series) }),
    requestStateOf: (headers) => statesByHeaders.get(headers),
  };
}

/**
 * The series of one method and scheme, built once per (route, status) and reused, so recording
 * allocates nothing for the common case.
 */
class AttributeCache {
  /** Attributes of http.server.active_requests. */
  readonly active: Attributes;
  /** Requests of this method and scheme in flight. */
  activeCount = 0;
  private readonly byRoute = new Map<string | undefined, Map<number, RecordedSeries>>();
  /** The 5xx series whose error.type is an exception's type, by route, status and type. */
  private readonly byException = new Map<string, RecordedSeries>();

  constructor(
    readonly method: string,
    scheme: string,
    private readonly histogram: DurationHistogram,
  ) {
    this.active = { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_SCHEME]: scheme };
  }

  forResponse(
    route: string | undefined,
    status: number | undefined,
    aborted: boolean,
    rejection: FrameworkRejection | undefined,
    exceptionType: string | undefined,
  ): RecordedSeries {
    // https://opentelemetry.io/docs/specs/semconv/http/http-metrics/: error.type is the exception's
    // type when one is known, on a 5xx or when no status was sent; only error responses build a key.
    if (exceptionType !== undefined && (status === undefined || status >= 500)) return this.forException(route, status, exceptionType);
    let byStatus = this.byRoute.get(route);
    if (byStatus === undefined) {
      byStatus = new Map();
      this.byRoute.set(route, byStatus);
    }
    // One map for all outcomes: 0 is "no response sent", a negated status is "aborted after sending
    // it", a status past 1000 one that Next sent for a framework rejection (its place in the thousands).
    const key = status === undefined ? 0 : aborted ? -status : rejection === undefined ? status : status + 1000 * (1 + FRAMEWORK_REJECTIONS.indexOf(rejection));
    let series = byStatus.get(key);
    if (series === undefined) {
      const attributes: Attributes = { ...this.active };
      if (route !== undefined) attributes[ATTR_HTTP_ROUTE] = route;
      if (status !== undefined) attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = status;
      // https://opentelemetry.io/docs/specs/semconv/http/http-metrics/: error.type is the status code on 5xx.
      // Requests Next refused before the app ran say why instead (framework-rejection.ts).
      if (aborted) attributes[ATTR_ERROR_TYPE] = ABORTED_ERROR_TYPE;
      else if (rejection !== undefined) attributes[ATTR_ERROR_TYPE] = rejection;
      else if (status !== undefined && status >= 500) attributes[ATTR_ERROR_TYPE] = String(status);
      series = this.histogram.newSeries(attributes);
      byStatus.set(key, series);
    }
    return series;
  }

  private forException(route: string | undefined, status: number | undefined, exceptionType: string): RecordedSeries {
    const key = `${route ?? ''}\n${status ?? ''}\n${exceptionType}`;
    let series = this.byException.get(key);
    if (series === undefined) {
      const attributes: Attributes = { ...this.active };
      if (route !== undefined) attributes[ATTR_HTTP_ROUTE] = route;
      if (status !== undefined) attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = status;
      attributes[ATTR_ERROR_TYPE] = exceptionType;
      series = this.histogram.newSeries(attributes);
      this.byException.set(key, series);
    }
    return series;
  }
}

type RequestWithState = IncomingMessage & { [REQUEST_STATE]?: RequestState };
type PatchablePrototype = { emit: (this: unknown, event: string | symbol) => boolean; [PATCHED]?: boolean };
type PatchableResponsePrototype = { writeHead: (this: ServerResponse) => ServerResponse; [WRITE_HEAD_PATCHED]?: boolean };
