import 'server-only';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  METRIC_HTTP_CLIENT_REQUEST_DURATION,
} from '@opentelemetry/semantic-conventions';
import { logOnce } from '../log-once.js';
import type { DurationHistogram, DurationHistograms } from './duration-histograms.js';
import type { ExplicitHistogram } from './explicit-histogram.js';
import { DURATION_BUCKETS_S, semconvMethod } from './http-instruments.js';
import { drainSeries, type DrainedSeries, type RecordedSeries } from './recorded-series.js';

/** Most hosts (server.address and port) a process records; calls to later ones are recorded under `_OTHER`. */
export const MAX_HOSTS = 50;

/** Most error.type values of failed calls (no response); later ones are `_OTHER`. */
export const MAX_CALL_ERROR_TYPES = 20;

const OTHER = '_OTHER';
const SUBSCRIBED = Symbol.for('meterboard.outgoingCallsSubscribed');
/** What a node:http response that broke off before its end failed with. */
const ABORTED = { code: 'aborted' };

/** A host and port called, as its series name them. */
interface Host {
  readonly address: string;
  readonly port: number | undefined;
  /** Series by method, then outcome (the status code, or the error.type of a call without response). */
  readonly byMethod: Map<string, Map<number | string, Outcome>>;
}

/** The series of one host, method and outcome: one exported histogram, and one history series per route that made such calls. */
interface Outcome {
  readonly attributes: Attributes;
  readonly exported: ExplicitHistogram;
  readonly byRoute: Map<string | undefined, RecordedSeries>;
}

/** One call in flight. */
interface Call {
  readonly start: number;
  readonly host: Host;
  readonly method: string;
  readonly route: string | undefined;
  status: number | undefined;
}

/** What instrumentOutgoingCalls hands to the history. */
export interface OutgoingCallRecorder {
  /** The series that recorded anything since the previous call; their attributes hold http.route when the call was made while serving a route. */
  drain(): DrainedSeries[];
}

interface Options {
  /** Where http.client.request.duration goes: the MetricProducer of meterboard's reader(s). */
  durationHistograms: DurationHistograms;
  /** The route template of the request being served, asked at each call's start; undefined outside one. */
  routeOf?: () => string | undefined;
  /** Routes whose calls are not recorded: meterboard's own (the dashboard's queries to Prometheus). */
  isIgnoredRoute?: (route: string) => boolean;
}

/**
 * Measures the app's outgoing HTTP calls as http.client.request.duration
 * (https://opentelemetry.io/docs/specs/semconv/http/http-metrics/#metric-httpclientrequestduration),
 * from the diagnostics channels Node publishes, without patching anything: undici's for the global
 * `fetch`, and `http.client.*` for node:http and node:https. A call lasts from its start to the end of
 * its response body (what @opentelemetry/instrumentation-undici measures too), or to its error; a
 * response whose body is never read is never recorded, and its state goes with it (a property of the request object).
 * Subscribes once per process; a second call returns a recorder that records nothing.
 */
export function instrumentOutgoingCalls({ durationHistograms, routeOf, isIgnoredRoute }: Options): OutgoingCallRecorder {
  const global = globalThis as { [SUBSCRIBED]?: boolean };
  if (global[SUBSCRIBED]) return { drain: () => [] };
  global[SUBSCRIBED] = true;
  const histogram = durationHistograms.histogram(METRIC_HTTP_CLIENT_REQUEST_DURATION, {
    description: 'Duration of HTTP client requests.',
    unit: 's',
    boundaries: DURATION_BUCKETS_S,
  });

  const calls = new CallStates();
  const hosts = new Map<string, Host>();
  const otherHost: Host = { address: OTHER, port: undefined, byMethod: new Map() };
  const errorTypes = new Set<string>();

  function hostOf(key: string, parse: () => { address: string; port: number | undefined } | undefined): Host {
    let host = hosts.get(key);
    if (host === undefined) {
      const parsed = parse();
      if (parsed === undefined || hosts.size >= MAX_HOSTS) return otherHost;
      host = { ...parsed, byMethod: new Map() };
      hosts.set(key, host);
    }
    return host;
  }

  function start(request: object, host: Host, method: string): void {
    const route = routeOf?.();
    // meterboard's own calls (the dashboard reading Prometheus) are not the app's.
    if (route !== undefined && isIgnoredRoute?.(route)) return;
    calls.set(request, { start: performance.now(), host, method: semconvMethod(method), route, status: undefined });
  }

  function end(request: object, error: unknown): void {
    const call = calls.get(request);
    if (call === undefined) return;
    calls.delete(request);
    const seconds = (performance.now() - call.start) / 1000;
    // A call that broke off after its headers failed: its error is its outcome.
    const series = seriesOf(histogram, call, error === undefined && call.status !== undefined ? call.status : errorTypeOf(error));
    series.histogram.record(seconds);
    series.latency.record(seconds);
  }

  // node:http hosts by scheme and Host header, each with the host the request connected to: the
  // common call compares two strings and builds none.
  const byHostHeader = new Map<string, Map<string, { readonly connected: string; readonly host: Host }>>();
  function httpHostOf(request: ClientRequest, hostHeader: string): Host {
    let headers = byHostHeader.get(request.protocol);
    if (headers === undefined) {
      headers = new Map();
      byHostHeader.set(request.protocol, headers);
    }
    const known = headers.get(hostHeader);
    if (known !== undefined && known.connected === request.host) return known.host;
    if (authorityHost(hostHeader) !== request.host) return hostWithoutPort(request);
    const origin = `${request.protocol}//${hostHeader}`;
    const host = hostOf(origin, () => hostOfUrl(origin));
    if (host !== otherHost && known === undefined) headers.set(hostHeader, { connected: request.host, host });
    return host;
  }

  // A Host header set by the caller (a proxy passing its client's on) names no address the request
  // connects to: the host is request.host, the one the calling code chose, and its port is not known.
  function hostWithoutPort(request: ClientRequest): Host {
    const origin = `${request.protocol}//${request.host.includes(':') ? `[${request.host}]` : request.host}`;
    // `#` ends no origin: the key of the host without a known port.
    return hostOf(`${origin}#`, () => hostOfUrl(origin, false));
  }

  function errorTypeOf(error: unknown): string {
    const code = (error as { code?: unknown } | undefined)?.code;
    const name = (error as { name?: unknown } | undefined)?.name;
    const type = typeof code === 'string' && code !== '' ? code : typeof name === 'string' && name !== '' ? name : OTHER;
    if (errorTypes.has(type)) return type;
    if (errorTypes.size >= MAX_CALL_ERROR_TYPES) return OTHER;
    errorTypes.add(type);
    return type;
  }

  // Each subscriber guards itself: a failure must never reach the app's call.
  const guarded = <Message>(name: string, handle: (message: Message) => void) =>
    diagnosticsChannel.subscribe(name, (message) => {
      try {
        handle(message as Message);
      } catch (error) {
        logOnce('outgoing-call', 'failed to record an outgoing HTTP call; later failures are not logged', error);
      }
    });

  // undici (the global fetch): request.origin is `http://host:port`, a string or a URL.
  guarded<{ request: UndiciRequest }>('undici:request:create', ({ request }) => {
    const origin = String(request.origin);
    start(request, hostOf(origin, () => hostOfUrl(origin)), request.method);
  });
  guarded<{ request: UndiciRequest; response: { statusCode: number } }>('undici:request:headers', ({ request, response }) => {
    const call = calls.get(request);
    if (call !== undefined) call.status = response.statusCode;
  });
  guarded<{ request: UndiciRequest }>('undici:request:trailers', ({ request }) => end(request, undefined));
  guarded<{ request: UndiciRequest; error: unknown }>('undici:request:error', ({ request, error }) => end(request, error));

  // node:http and node:https: the host the request connects to is request.host, which the calling
  // code chose; its port is in the Host header Node wrote for it (when not the scheme's default).
  guarded<{ request: ClientRequest }>('http.client.request.start', ({ request }) => {
    const hostHeader = request.getHeader('host');
    start(request, typeof hostHeader === 'string' ? httpHostOf(request, hostHeader) : hostWithoutPort(request), request.method);
  });
  // Published with the response's headers; the call ends with its body (or when it breaks off).
  guarded<{ request: ClientRequest; response: IncomingMessage }>('http.client.response.finish', ({ request, response }) => {
    const call = calls.get(request);
    if (call === undefined) return;
    call.status = response.statusCode;
    calls.delete(request);
    calls.set(response, call);
    // 'close' comes once; `on` spares the wrapper `once` makes per call.
    response.on('close', onResponseClose);
  });
  guarded<{ request: ClientRequest; error: unknown }>('http.client.request.error', ({ request, error }) => end(request, error));

  // 'close' follows 'end', or comes alone when the response broke off: then the call failed.
  function onResponseClose(this: IncomingMessage): void {
    try {
      end(this, this.complete ? undefined : ABORTED);
    } catch (error) {
      logOnce('outgoing-call', 'failed to record an outgoing HTTP call; later failures are not logged', error);
    }
  }

  return { drain: () => drainSeries(histogram.series) };
}

// The series of a call's host, method, outcome and route, made once and kept.
function seriesOf(histogram: DurationHistogram, call: Call, outcome: number | string): RecordedSeries {
  let byOutcome = call.host.byMethod.get(call.method);
  if (byOutcome === undefined) {
    byOutcome = new Map();
    call.host.byMethod.set(call.method, byOutcome);
  }
  let series = byOutcome.get(outcome);
  if (series === undefined) {
    const attributes: Attributes = { [ATTR_HTTP_REQUEST_METHOD]: call.method, [ATTR_SERVER_ADDRESS]: call.host.address };
    if (call.host.port !== undefined) attributes[ATTR_SERVER_PORT] = call.host.port;
    if (typeof outcome === 'number') attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = outcome;
    // https://opentelemetry.io/docs/specs/semconv/http/http-spans/#status: for a client, 4xx are errors too.
    if (typeof outcome === 'string') attributes[ATTR_ERROR_TYPE] = outcome;
    else if (outcome >= 400) attributes[ATTR_ERROR_TYPE] = String(outcome);
    const first = histogram.newSeries(attributes);
    series = { attributes, exported: first.histogram, byRoute: new Map([[undefined, first]]) };
    byOutcome.set(outcome, series);
  }
  let recorded = series.byRoute.get(call.route);
  if (recorded === undefined) {
    // http.route only in the history's series: the semconv client metric has none, and /metrics
    // keeps one series per host and outcome, which every route's series records into.
    recorded = histogram.newSeriesSharing({ ...series.attributes, [ATTR_HTTP_ROUTE]: call.route! }, series.exported);
    series.byRoute.set(call.route, recorded);
  }
  return recorded;
}

// The host part of a Host header (`example.com:8080`, `[::1]:3000`).
function authorityHost(authority: string): string {
  const bracketed = /^\[([^\]]*)\]/.exec(authority);
  if (bracketed) return bracketed[1];
  const colon = authority.lastIndexOf(':');
  return colon === -1 ? authority : authority.slice(0, colon);
}

function hostOfUrl(origin: string, portKnown = true): { address: string; port: number | undefined } | undefined {
  try {
    const url = new URL(origin);
    const defaultPort = url.protocol === 'https:' ? 443 : url.protocol === 'http:' ? 80 : undefined;
    const port = !portKnown ? undefined : url.port === '' ? defaultPort : Number(url.port);
    // URL keeps IPv6 addresses in brackets; server.address has none.
    return { address: url.hostname.replace(/^\[(.*)\]$/, '$1'), port };
  } catch {
    return undefined;
  }
}

const CALL = Symbol('meterboard.call');

// A call's state on its own request (then response) object: gone with it however the call ends,
// and cheaper than a WeakMap (0.49 against 0.75 µs per call, npm run bench -- outgoing-calls).
class CallStates {
  get(carrier: object): Call | undefined {
    return (carrier as { [CALL]?: Call })[CALL];
  }
  set(carrier: object, call: Call): void {
    (carrier as { [CALL]?: Call })[CALL] = call;
  }
  delete(carrier: object): void {
    (carrier as { [CALL]?: Call })[CALL] = undefined;
  }
}

interface UndiciRequest {
  readonly origin: string | URL;
  readonly method: string;
}
