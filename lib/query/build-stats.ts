import { createLatencyHistogram, latencyQuantiles, mergeLatencyHistogram, type LatencyHistogram } from '../collect/latency-histogram';
import type { Frame, FrameHttpSeries } from '../collect/frame';
import type { SeriesTotal } from '../collect/history';
import type { RuntimeStats } from '../collect/runtime-reading';
import { framePoint, perSecond } from './frame-point';
import type { DurationPercentiles, InstrumentStats, RouteStats, SeriesPoint, ServerActionStats, Stats, WindowInfo } from './stats-types';

/** The frames of a window, as FrameRing holds them. */
export interface WindowFrames {
  completeFrames(): readonly Frame[];
  currentFrame(): Frame | undefined;
}

/** What buildStats needs to know about the process besides its frames. */
export interface StatsContext {
  serviceName: string;
  instanceId: string;
  /** Epoch milliseconds. */
  startTime: number;
  /** Epoch milliseconds. */
  now: number;
  window: WindowInfo;
  /** Only points that start after this (epoch milliseconds); undefined for all of them. */
  since: number | undefined;
  seriesTotals: ReadonlyMap<string, SeriesTotal>;
  runtime: RuntimeStats | null;
  instruments: readonly InstrumentStats[];
}

/** Key in RouteStats.statusCodes for requests that ended before a status was sent. */
export const NO_STATUS = 'none';

const QUANTILES = [0.5, 0.9, 0.95, 0.99] as const;

/**
 * The /api/stats body for a window: totals and routes over all its frames, and the chart points
 * the client does not have yet. Pure, apart from caching the points of complete frames (which no
 * longer change).
 */
export function buildStats(frames: WindowFrames, context: StatsContext): Stats {
  const complete = frames.completeFrames();
  const current = frames.currentFrame();
  const all = current ? [...complete, current] : complete;

  const rows = new Map<string, RouteAccumulator>();
  const total = new RouteAccumulator('', undefined);
  let coveredSeconds = 0;
  for (const frame of all) {
    coveredSeconds += frame.seconds;
    for (const series of frame.http.values()) {
      rowOf(rows, series.method, series.route).add(series);
      total.add(series);
    }
  }
  for (const series of context.seriesTotals.values()) {
    rowOf(rows, series.method, series.route).requestsSinceStart += series.count;
    total.requestsSinceStart += series.count;
  }

  const actions = new Map<string, ServerActionAccumulator>();
  for (const frame of all) {
    for (const series of frame.serverActions.values()) {
      let row = actions.get(series.name);
      if (row === undefined) {
        row = new ServerActionAccumulator(series.name, series.file);
        actions.set(series.name, row);
      }
      row.add(series);
    }
  }

  const routes = [...rows.values()]
    .map((row) => row.toRouteStats(coveredSeconds))
    .sort((a, b) => b.requests - a.requests || b.requestsSinceStart - a.requestsSinceStart);
  const totalRow = total.toRouteStats(coveredSeconds);
  const since = context.since;

  return {
    service: { name: context.serviceName, instanceId: context.instanceId },
    startTime: new Date(context.startTime).toISOString(),
    uptimeSeconds: Math.max(0, (context.now - context.startTime) / 1000),
    window: context.window,
    coveredSeconds,
    totals: {
      requests: totalRow.requests,
      requestsSinceStart: totalRow.requestsSinceStart,
      requestsPerSecond: totalRow.requestsPerSecond,
      errorRate: totalRow.errorRate,
      inFlight: current?.activeRequests ?? 0,
      durationSeconds: totalRow.durationSeconds,
    },
    routes,
    serverActions: [...actions.values()].map((row) => row.toStats(coveredSeconds)).sort((a, b) => b.requests - a.requests),
    points: [
      ...complete.filter((frame) => since === undefined || frame.start > since).map(completePoint),
      ...(current && (since === undefined || current.start > since) ? [framePoint(current, true)] : []),
    ],
    since: since ?? null,
    runtime: context.runtime,
    instruments: [...context.instruments],
  };
}

// A complete frame never changes again, so its point is computed once.
const completePoints = new WeakMap<Frame, SeriesPoint>();

function completePoint(frame: Frame): SeriesPoint {
  let point = completePoints.get(frame);
  if (point === undefined) {
    point = framePoint(frame, false);
    completePoints.set(frame, point);
  }
  return point;
}

function rowOf(rows: Map<string, RouteAccumulator>, method: string, route: string | undefined): RouteAccumulator {
  const key = `${method} ${route ?? ''}`;
  let row = rows.get(key);
  if (row === undefined) {
    row = new RouteAccumulator(method, route);
    rows.set(key, row);
  }
  return row;
}

/** Calls, errors and durations of the series added to it. */
class LatencyAccumulator {
  protected requests = 0;
  private errors = 0;
  private readonly latency: LatencyHistogram = createLatencyHistogram();

  add(series: { readonly errorType: string | undefined; readonly latency: LatencyHistogram }): void {
    const count = series.latency.count;
    if (count === 0) return;
    this.requests += count;
    if (series.errorType !== undefined) this.errors += count;
    mergeLatencyHistogram(this.latency, series.latency);
  }

  protected summary(seconds: number) {
    return {
      requests: this.requests,
      requestsPerSecond: perSecond(this.requests, seconds),
      errorRate: this.requests > 0 ? this.errors / this.requests : null,
      durationSeconds: percentiles(this.latency),
    };
  }
}

class RouteAccumulator extends LatencyAccumulator {
  requestsSinceStart = 0;
  private readonly statusCodes: Record<string, number> = {};

  constructor(
    private readonly method: string,
    private readonly route: string | undefined,
  ) {
    super();
  }

  override add(series: FrameHttpSeries): void {
    super.add(series);
    const count = series.latency.count;
    if (count === 0) return;
    const status = series.status ?? NO_STATUS;
    this.statusCodes[status] = (this.statusCodes[status] ?? 0) + count;
  }

  toRouteStats(seconds: number): RouteStats {
    const { requests, ...summary } = this.summary(seconds);
    return {
      method: this.method,
      route: this.route ?? null,
      requests,
      requestsSinceStart: this.requestsSinceStart,
      ...summary,
      statusCodes: this.statusCodes,
    };
  }
}

class ServerActionAccumulator extends LatencyAccumulator {
  constructor(
    private readonly name: string,
    private readonly file: string | undefined,
  ) {
    super();
  }

  toStats(seconds: number): ServerActionStats {
    return { name: this.name, file: this.file ?? null, ...this.summary(seconds) };
  }
}

function percentiles(latency: LatencyHistogram): DurationPercentiles {
  const [p50, p90, p95, p99] = latencyQuantiles(latency, QUANTILES);
  return { p50, p90, p95, p99 };
}
