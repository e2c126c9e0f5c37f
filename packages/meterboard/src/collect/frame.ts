import {
  ATTR_CODE_FILE_PATH,
  ATTR_CODE_FUNCTION_NAME,
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';
import type { Attributes } from '@opentelemetry/api';
import type { AttributeSet, MeterIdentity } from '../query/stats-types.js';
import { createLatencyHistogram, mergeLatencyHistogram, type LatencyHistogram } from './latency-histogram.js';

/** One http.server.request.duration series over one frame. */
export interface FrameHttpSeries {
  readonly method: string;
  /** Undefined for requests that matched no route. */
  readonly route: string | undefined;
  /** Undefined when the client left before a status was sent. */
  readonly status: number | undefined;
  readonly errorType: string | undefined;
  /** The frame's durations, seconds; its count and sum are the frame's. */
  readonly latency: LatencyHistogram;
}

/** One next.server_action.duration series (an action and an outcome) over one frame. */
export interface FrameServerActionSeries {
  /** The action's exported name (code.function.name); _OTHER for ids the build does not know. */
  readonly name: string;
  /** The file that defines it (code.file.path); undefined for _OTHER. */
  readonly file: string | undefined;
  readonly errorType: string | undefined;
  /** The frame's durations, seconds. */
  readonly latency: LatencyHistogram;
}

/** One http.client.request.duration series (a call the app made, by host and outcome, and the route that made it) over one frame. */
export interface FrameOutgoingSeries {
  readonly method: string;
  /** server.address: the host called. */
  readonly host: string;
  /** server.port. */
  readonly port: number | undefined;
  /** Undefined when no response arrived. */
  readonly status: number | undefined;
  readonly errorType: string | undefined;
  /** The route template of the request that made the call; undefined outside a request or when unknown. */
  readonly route: string | undefined;
  /** The frame's call durations, seconds. */
  readonly latency: LatencyHistogram;
}

/** What one series of an SDK instrument did over one frame. */
export type InstrumentValue =
  /** Counter: the increase; up-down counter and gauge: the last value. */
  | { readonly attributes: AttributeSet; value: number }
  /**
   * Histogram: the recordings that fell within the frame; `sketch` holds every one of them when
   * meterboard's provider recorded them (record/histogram-sketches.ts), else it is absent.
   */
  | { readonly attributes: AttributeSet; count: number; sum: number; readonly boundaries: readonly number[]; readonly bucketCounts: number[]; sketch?: LatencyHistogram };

/** Kinds of instrument, as the dashboard charts them. */
export type InstrumentKind = 'counter' | 'up-down-counter' | 'gauge' | 'histogram';

/** One SDK instrument over one frame, by series key (its attribute set as JSON). */
export interface InstrumentFrame {
  readonly kind: InstrumentKind;
  readonly series: Map<string, InstrumentValue>;
}

/**
 * Everything the history keeps of one step of time: the sampler makes one per sampling interval
 * (a tick) and merges ticks into the frames of each window's ring.
 */
export interface Frame {
  /** Epoch milliseconds: a tick's start (the end of the tick before it), or for a ring's frame the start of its step. */
  readonly start: number;
  /** Epoch milliseconds of the last tick merged in. */
  end: number;
  /** Seconds of sampling the frame holds (the sum of its ticks' intervals). */
  seconds: number;
  /** By series key (the attribute set as JSON). */
  readonly http: Map<string, FrameHttpSeries>;
  /** By series key (the attribute set as JSON). */
  readonly serverActions: Map<string, FrameServerActionSeries>;
  /** By series key (the attribute set as JSON). */
  readonly outgoing: Map<string, FrameOutgoingSeries>;
  /** Errors Next reported (onRequestError), by error group key (record/error-groups.ts). */
  readonly errors: Map<string, number>;
  /** http.server.active_requests at `end`. */
  activeRequests: number;
  /** By instrument key (meter and name, see instrumentKey). */
  readonly instruments: Map<string, InstrumentFrame>;
}

/** A frame that holds nothing yet. */
export function emptyFrame(start: number): Frame {
  return { start, end: start, seconds: 0, http: new Map(), serverActions: new Map(), outgoing: new Map(), errors: new Map(), activeRequests: 0, instruments: new Map() };
}

/** Key of an instrument in Frame.instruments: the SDK's meter identity (name, version, schema URL) and the instrument's name. */
export function instrumentKey(meter: MeterIdentity, name: string): string {
  return `${meter.meter}\n${meter.meterVersion ?? ''}\n${meter.meterSchemaUrl ?? ''}\n${name}`;
}

/** The identity of the meter that reported `scope`, its empty version and schema URL left out. */
export function meterIdentityOf(scope: { name: string; version?: string; schemaUrl?: string }): MeterIdentity {
  return {
    meter: scope.name,
    ...(scope.version ? { meterVersion: scope.version } : {}),
    ...(scope.schemaUrl ? { meterSchemaUrl: scope.schemaUrl } : {}),
  };
}

/** The frame's view of a drained series of meterboard's HTTP recorder. */
export function frameHttpSeries(attributes: Attributes, latency: LatencyHistogram): FrameHttpSeries {
  const route = attributes[ATTR_HTTP_ROUTE];
  const status = attributes[ATTR_HTTP_RESPONSE_STATUS_CODE];
  const errorType = attributes[ATTR_ERROR_TYPE];
  return {
    method: String(attributes[ATTR_HTTP_REQUEST_METHOD]),
    route: route === undefined ? undefined : String(route),
    status: status === undefined ? undefined : Number(status),
    errorType: errorType === undefined ? undefined : String(errorType),
    latency,
  };
}

/** The frame's view of a drained series of next.server_action.duration. */
export function frameServerActionSeries(attributes: Attributes, latency: LatencyHistogram): FrameServerActionSeries {
  const file = attributes[ATTR_CODE_FILE_PATH];
  const errorType = attributes[ATTR_ERROR_TYPE];
  return {
    name: String(attributes[ATTR_CODE_FUNCTION_NAME]),
    file: file === undefined ? undefined : String(file),
    errorType: errorType === undefined ? undefined : String(errorType),
    latency,
  };
}

/** The frame's view of a drained series of http.client.request.duration. */
export function frameOutgoingSeries(attributes: Attributes, latency: LatencyHistogram): FrameOutgoingSeries {
  const port = attributes[ATTR_SERVER_PORT];
  const status = attributes[ATTR_HTTP_RESPONSE_STATUS_CODE];
  const errorType = attributes[ATTR_ERROR_TYPE];
  const route = attributes[ATTR_HTTP_ROUTE];
  return {
    method: String(attributes[ATTR_HTTP_REQUEST_METHOD]),
    host: String(attributes[ATTR_SERVER_ADDRESS]),
    port: port === undefined ? undefined : Number(port),
    status: status === undefined ? undefined : Number(status),
    errorType: errorType === undefined ? undefined : String(errorType),
    route: route === undefined ? undefined : String(route),
    latency,
  };
}

/**
 * Adds a later frame (usually a tick) into `into`: durations and counts add up, values of
 * up-down counters and gauges are replaced by the later ones. Never keeps a reference to `from`'s
 * mutable parts, so `from` can be merged into several frames.
 */
export function mergeFrame(into: Frame, from: Frame): void {
  into.end = from.end;
  into.seconds += from.seconds;
  into.activeRequests = from.activeRequests;
  mergeLatencySeries(into.http, from.http);
  mergeLatencySeries(into.serverActions, from.serverActions);
  mergeLatencySeries(into.outgoing, from.outgoing);
  for (const [key, count] of from.errors) into.errors.set(key, (into.errors.get(key) ?? 0) + count);
  for (const [key, instrument] of from.instruments) {
    let target = into.instruments.get(key);
    if (target === undefined) {
      target = { kind: instrument.kind, series: new Map() };
      into.instruments.set(key, target);
    }
    for (const [seriesKey, value] of instrument.series) {
      const existing = target.series.get(seriesKey);
      target.series.set(seriesKey, existing === undefined ? copyValue(value) : addInstrumentValue(instrument.kind, existing, value));
    }
  }
}

function mergeLatencySeries<Series extends { readonly latency: LatencyHistogram }>(into: Map<string, Series>, from: ReadonlyMap<string, Series>): void {
  for (const [key, series] of from) {
    let target = into.get(key);
    if (target === undefined) {
      target = { ...series, latency: createLatencyHistogram() };
      into.set(key, target);
    }
    mergeLatencyHistogram(target.latency, series.latency);
  }
}

function copyValue(value: InstrumentValue): InstrumentValue {
  return 'bucketCounts' in value ? { ...value, bucketCounts: [...value.bucketCounts], sketch: value.sketch?.clone() } : { ...value };
}

/** Adds a later value of a series into `into` and returns it: counts add up, and so do counter increases; other values are replaced. */
export function addInstrumentValue(kind: InstrumentKind, into: InstrumentValue, from: InstrumentValue): InstrumentValue {
  if ('bucketCounts' in into && 'bucketCounts' in from) {
    // The sketch stays only while it holds every recording: one value without one ends it.
    if (from.count > 0) {
      if (from.sketch !== undefined && (into.sketch !== undefined || into.count === 0)) {
        into.sketch ??= createLatencyHistogram();
        mergeLatencyHistogram(into.sketch, from.sketch);
      } else {
        into.sketch = undefined;
      }
    }
    into.count += from.count;
    into.sum += from.sum;
    for (let i = 0; i < from.bucketCounts.length; i++) into.bucketCounts[i] = (into.bucketCounts[i] ?? 0) + from.bucketCounts[i];
    return into;
  }
  if ('value' in into && 'value' in from) into.value = kind === 'counter' ? into.value + from.value : from.value;
  return into;
}
