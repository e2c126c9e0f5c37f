// The JSON shapes of GET /api/stats, /api/stats/route and /api/stats/instrument. Imported by the dashboard (client) as types only.

import type { InstrumentKind } from '../collect/frame.js';
import type { LatencyBar } from '../collect/latency-histogram.js';
import type { RuntimeStats } from '../collect/runtime-reading.js';

/** Latency percentiles in seconds; null when the window holds no request. */
export interface DurationPercentiles {
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
}

/** Requests per second in one interval, by status class. */
export interface StatusClassRates {
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
}

/** Aggregate over all measured requests. */
export interface Totals {
  /** Requests completed within the window. */
  requests: number;
  /** Requests completed since the process started; equals the sum of http_server_request_duration_seconds_count. */
  requestsSinceStart: number;
  /** requests / windowSeconds. */
  requestsPerSecond: number;
  /** Share (0..1) of requests in the window answered with a 5xx status or aborted; null without requests. */
  errorRate: number | null;
  /** Requests being served at the last sample (http.server.active_requests). */
  inFlight: number;
  durationSeconds: DurationPercentiles;
}

/** One row of the routes table: a method and route template. */
export interface RouteStats {
  method: string;
  /** Route template such as /orders/[id]; null for requests that matched no route (404s, unknown paths). */
  route: string | null;
  requests: number;
  requestsSinceStart: number;
  requestsPerSecond: number;
  errorRate: number | null;
  /** Requests in the window by HTTP status code, e.g. { "200": 12, "404": 1 }; "none": the client left before any status was sent. */
  statusCodes: Record<string, number>;
  durationSeconds: DurationPercentiles;
}

/** One row of the server actions table: an action by its exported name. */
export interface ServerActionStats {
  /** Exported name of the action (code.function.name); "_OTHER" for action ids the build does not know. */
  name: string;
  /** File that defines it (code.file.path); null for "_OTHER". */
  file: string | null;
  /** Calls completed within the window. */
  requests: number;
  requestsPerSecond: number;
  /** Share (0..1) of calls answered with a 5xx (the action threw) or aborted; null without calls. */
  errorRate: number | null;
  durationSeconds: DurationPercentiles;
}

/**
 * One group of errors Next reported (onRequestError): the same request method, route, server
 * action, exception type and message once numbers and ids are folded, so one bug is one group.
 */
export interface ErrorGroupStats {
  /** http.request.method; null when the request is not known (an error in proxy.ts). */
  method: string | null;
  /** Route template; null for a request that matched no route. */
  route: string | null;
  /** Exported name of the server action the request ran; null for other requests. */
  serverAction: string | null;
  /** The exception's type, as error.type has it; "_OTHER" for the group of errors past the bound. */
  errorType: string;
  /** The message with numbers as <n> and ids as <id>. */
  message: string;
  /** Errors in the window. */
  count: number;
  /** Errors since the process started. */
  countSinceStart: number;
  /** ISO 8601. */
  firstSeen: string;
  /** ISO 8601. */
  lastSeen: string;
  /** The latest error's message, unfolded. */
  latestMessage: string;
  /** The latest error's stack trace; null when it had none. */
  latestStack: string | null;
}

/** The errors of a window, most frequent group first. */
export interface WindowErrors {
  /** At most ERROR_GROUPS_SHOWN groups. */
  groups: ErrorGroupStats[];
  /** Groups with errors in the window, shown or not. */
  groupCount: number;
}

/** Outgoing HTTP calls (http.client.request.duration) to one host and port over a window. */
export interface OutgoingHostStats {
  /** server.address. */
  host: string;
  /** server.port; null when unknown. */
  port: number | null;
  calls: number;
  callsPerSecond: number;
  /** Share (0..1) of calls that failed or were answered with a status of 400 or more; null without calls. */
  errorRate: number | null;
  durationSeconds: DurationPercentiles;
}

/** Calls one route template made to one host over a window, for the route's page. */
export interface RouteOutgoingStats extends OutgoingHostStats {
  /**
   * The calls' durations summed, as a share of the template's request durations summed (every
   * method): how much of the route's time it spends waiting on this host (above 1 when it calls in
   * parallel); null without requests.
   */
  waitingShare: number | null;
}

/** One step of the charts: what happened between `time` and `time + seconds`. */
export interface SeriesPoint {
  /** Start of the step, epoch milliseconds, a multiple of the window's step. */
  time: number;
  /** Seconds of history the point covers: the step, or less for the step still in progress. */
  seconds: number;
  /** True for the step still in progress; a later poll replaces it. */
  partial: boolean;
  requestsPerSecond: StatusClassRates;
  /** Share (0..1) of the step's requests answered with a 5xx or aborted; null without requests. */
  errorRate: number | null;
  durationSeconds: Pick<DurationPercentiles, 'p50' | 'p90' | 'p99'>;
  /** http.server.active_requests at the end of the step. */
  activeRequests: number;
}

/** Attribute set of a measurement, as recorded. */
export type AttributeSet = Record<string, string | number | boolean | Array<string | number | boolean | null | undefined>>;

/** Current value of a counter, up-down counter or gauge for one attribute set. */
export interface ValuePoint {
  attributes: AttributeSet;
  value: number;
}

/** Current state of a histogram for one attribute set (cumulative since start). */
export interface HistogramPoint {
  attributes: AttributeSet;
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
}

/** An instrument created by the app through @opentelemetry/api, with its values per attribute set. */
export type InstrumentStats =
  | (InstrumentInfo & { kind: 'counter' | 'up-down-counter' | 'gauge'; points: ValuePoint[] })
  | (InstrumentInfo & { kind: 'histogram'; points: HistogramPoint[] });

/**
 * A meter as the OpenTelemetry SDK tells meters apart: `lib@1.0.0` and `lib@2.0.0` are two meters,
 * each with its own instruments.
 */
export interface MeterIdentity {
  /** Name of the meter (instrumentation scope). */
  meter: string;
  /** The meter's version; absent when it was created without one. */
  meterVersion?: string;
  /** The meter's schema URL; absent when it was created without one. */
  meterSchemaUrl?: string;
}

/** What identifies an instrument: its meter and its name. */
export interface InstrumentInfo extends MeterIdentity {
  name: string;
  description: string;
  unit: string;
}

/** A window the dashboard can show. */
export type WindowName = '1m' | '5m' | '15m' | '1h';

/** Length and chart resolution of a window. */
export interface WindowInfo {
  name: WindowName;
  seconds: number;
  /** Seconds between two chart points. */
  stepSeconds: number;
}

/** Response body of GET /api/stats. */
export interface Stats {
  service: {
    name: string;
    /** service.instance.id: changes when the process restarts, so a client knows its history is gone. */
    instanceId: string;
  };
  /** When telemetry started in this process, ISO 8601. */
  startTime: string;
  uptimeSeconds: number;
  window: WindowInfo;
  /**
   * Seconds of history the totals, routes and rates add up: from the start of the oldest sample in
   * the window to the latest sample, the elapsed part of the step in progress included. The complete
   * steps are at most window.seconds, so this is less than window.seconds + window.stepSeconds (the
   * latest sample ends inside the step after the last complete one); less than window.seconds right
   * after start. The source that reads Prometheus answers window.seconds.
   */
  coveredSeconds: number;
  totals: Totals;
  /** Sorted by requests in the window, most first. */
  routes: RouteStats[];
  /** Server actions that ran in the window, by name, most calls first. */
  serverActions: ServerActionStats[];
  /** Errors in the window, grouped; null with METRICS_SOURCE=prometheus (error groups stay in each process). */
  errors: WindowErrors | null;
  /** The app's outgoing HTTP calls in the window, by host, most calls first. */
  outgoing: OutgoingHostStats[];
  /**
   * Chart points, oldest first. The whole window, or with ?since= only the points that start after
   * `since` (the client keeps the rest); the last one may be partial.
   */
  points: SeriesPoint[];
  /** The `since` this answer is relative to; null for a full answer. */
  since: number | null;
  /**
   * Epoch milliseconds: the start of the oldest step the window holds. No point starts before it; a
   * client merging an answer with ?since= into the points it holds drops those older than this.
   */
  windowStart: number;
  /** Node.js runtime health over the last sampling interval; null before two samples were taken. */
  runtime: RuntimeStats | null;
  /** Every instrument of every meter other than meterboard's own HTTP metrics. */
  instruments: InstrumentStats[];
  /**
   * Instruments past their cardinality limit (METRICS_CARDINALITY_LIMIT): their newer attribute
   * sets add up in one otel.metric.overflow=true series. Usually an unbounded attribute value.
   */
  overflowingInstruments: Array<MeterIdentity & { name: string }>;
  /** With METRICS_SOURCE=prometheus, every instance Prometheus scrapes; null when the numbers are this process's. */
  instances: InstanceStats[] | null;
  /** With METRICS_SOURCE=prometheus, the selector and rate range the charts' points were queried with; null otherwise. */
  promql: { selector: string; range: string } | null;
}

/** One instance of the app as Prometheus sees it, over the window. */
export interface InstanceStats {
  /** The `instance` label: host:port of the scrape target. */
  instance: string;
  /** Whether its last scrape succeeded (`up`). */
  up: boolean;
  requestsPerSecond: number;
  errorRate: number | null;
  p99Seconds: number | null;
  inFlight: number;
}

/** Response body of GET /api/stats/route: one method and route template over a window. */
export interface RouteDetail {
  service: Stats['service'];
  window: WindowInfo;
  /** Seconds of history the route's numbers cover, as Stats.coveredSeconds. */
  coveredSeconds: number;
  /** The route's numbers over the window; zeros and nulls when it had no requests in it (or never existed). */
  route: RouteStats;
  /** Durations of the route's requests in the window, seconds, as adjacent bars fastest first (at most 40); [] without requests. */
  latencyDistribution: LatencyBar[];
  /** The route's errors in the window, grouped. */
  errors: WindowErrors;
  /** The hosts the route template's requests called in the window, by any method (a call knows its route, not its method), most calls first. */
  outgoing: RouteOutgoingStats[];
  /** The route's chart points, as Stats.points: the whole window, or with ?since= only the newer ones. */
  points: SeriesPoint[];
  /** The `since` this answer is relative to; null for a full answer. */
  since: number | null;
  /**
   * Epoch milliseconds: the start of the oldest step the window holds. No point starts before it; a
   * client merging an answer with ?since= into the points it holds drops those older than this.
   */
  windowStart: number;
}

/** An instrument of any meter, as the explorer lists it. */
export interface InstrumentDescriptor extends InstrumentInfo {
  kind: InstrumentKind;
}

/** The values an attribute took in a window, for the explorer's breakdown and filter. */
export interface AttributeValues {
  key: string;
  /** Distinct values as text, sorted; at most MAX_ATTRIBUTE_VALUES. */
  values: string[];
  /** True when there were more values than listed. */
  truncated: boolean;
}

/** One group of an instrument's series (those sharing the value of the breakdown attribute) over the window. */
export interface InstrumentGroupStats {
  /** The breakdown attribute's value as text; "(not set)" for series without it; "all" without a breakdown. */
  label: string;
  /** Attribute sets (series) in the group. */
  series: number;
  /**
   * Counter: the increase over the window. Histogram: recordings in the window. Up-down counter
   * and gauge: the latest value, summed over the group's series.
   */
  value: number;
  /** Counter and histogram: value per second over the window; null for the others. */
  perSecond: number | null;
  /** Histogram: the sum of the recordings in the window, the instrument's unit; null for the others. */
  sum: number | null;
  /** Histogram: percentiles, the instrument's unit, within 2% when meterboard recorded them (a base-2 exponential histogram next to the buckets), else interpolated in the explicit buckets (as histogram_quantile); null for the other kinds. */
  percentiles: Pick<DurationPercentiles, 'p50' | 'p90' | 'p99'> | null;
}

/** One step of an instrument's charts. */
export interface InstrumentPoint {
  /** Start of the step, epoch milliseconds. */
  time: number;
  seconds: number;
  /** True for the step still in progress; a later poll replaces it. */
  partial: boolean;
  /**
   * By group label: counter, increase per second; histogram, recordings per second; up-down
   * counter and gauge, the value at the end of the step summed over the group's series. A group
   * without data in the step is absent.
   */
  values: Record<string, number>;
  /** Histogram: percentiles of the step's recordings (all groups that pass the filter); null for other kinds. */
  percentiles: Pick<DurationPercentiles, 'p50' | 'p90' | 'p99'> | null;
}

/** A bucket of an explicit-bucket histogram: `count` recordings in (lower, upper], the instrument's unit; upper is null for +Inf. */
export interface BucketBar {
  lower: number;
  upper: number | null;
  count: number;
}

/** Response body of GET /api/stats/instrument: the explorer's list, and one instrument over a window. */
export interface InstrumentDetail {
  service: Stats['service'];
  window: WindowInfo;
  /** Every instrument of every meter the process has, the app's meters first, then meterboard's own. */
  instruments: InstrumentDescriptor[];
  /** The instrument asked for; null when none was asked for or no meter has it (yet). */
  instrument: InstrumentDescriptor | null;
  /** Seconds of history the groups cover, as Stats.coveredSeconds. */
  coveredSeconds: number;
  /** Attributes of the instrument's series in the window, keys sorted, before the filter. */
  attributes: AttributeValues[];
  /** The breakdown attribute; null for none. */
  groupBy: string | null;
  /** Only series with these attribute values (as text) are counted. */
  filters: AttributeFilter[];
  /** Groups over the window: counters and histograms by value, most first; others by label. */
  groups: InstrumentGroupStats[];
  /** Histogram: recordings in the window by bucket, from the first to the last non-empty one; [] otherwise. */
  distribution: BucketBar[];
  /** The whole window, or with ?since= only the newer points. */
  points: InstrumentPoint[];
  /** The `since` this answer is relative to; null for a full answer. */
  since: number | null;
  /**
   * Epoch milliseconds: the start of the oldest step the window holds. No point starts before it; a
   * client merging an answer with ?since= into the points it holds drops those older than this.
   */
  windowStart: number;
}

/** An attribute key and the value (as text) a series must have. */
export interface AttributeFilter {
  key: string;
  value: string;
}

/** Body of every error response of the API. */
export interface ApiError {
  error: { code: string; message: string };
}
