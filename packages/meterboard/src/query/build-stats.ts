import type { SeriesTotal } from '../collect/history.js';
import type { RuntimeStats } from '../collect/runtime-reading.js';
import type { ErrorGroup } from '../record/error-groups.js';
import { windowErrors } from './error-stats.js';
import { completeFramePoint, framePoint } from './frame-point.js';
import { RouteAccumulator } from './route-accumulator.js';
import type { InstrumentStats, MeterIdentity, Stats, WindowInfo } from './stats-types.js';
import { routeKey, windowAggregate } from './window-aggregate.js';
import { pointsAfter, type WindowFrames } from './window-frames.js';

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
  overflowingInstruments: ReadonlyArray<MeterIdentity & { name: string }>;
  /** Every error group of the process, by key. */
  errorGroups: ReadonlyMap<string, ErrorGroup>;
}

/**
 * The /api/stats body for a window: totals and routes over all its frames, and the chart points
 * the client does not have yet. Pure, apart from caching what complete frames add up to and their
 * points (complete frames no longer change).
 */
export function buildStats(frames: WindowFrames, context: StatsContext): Stats {
  const { routes: rows, total, serverActions: actions, outgoing, errors, coveredSeconds } = windowAggregate(frames);
  for (const series of context.seriesTotals.values()) {
    rowOf(rows, series.method, series.route).requestsSinceStart += series.count;
    total.requestsSinceStart += series.count;
  }

  const routes = [...rows.values()]
    .map((row) => row.toRouteStats(coveredSeconds))
    // Ties by name, so rows keep their places from one poll to the next.
    .sort((a, b) => b.requests - a.requests || b.requestsSinceStart - a.requestsSinceStart || byName(a.route ?? '', b.route ?? '') || byName(a.method, b.method));
  const totalRow = total.toRouteStats(coveredSeconds);

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
      inFlight: frames.currentFrame()?.activeRequests ?? 0,
      durationSeconds: totalRow.durationSeconds,
    },
    routes,
    serverActions: [...actions.values()].map((row) => row.toStats(coveredSeconds)).sort((a, b) => b.requests - a.requests || byName(a.name, b.name)),
    errors: windowErrors(errors, context.errorGroups),
    outgoing: [...outgoing.values()].map((row) => row.toStats(coveredSeconds)).sort((a, b) => b.calls - a.calls || byName(a.host, b.host) || (a.port ?? 0) - (b.port ?? 0)),
    points: pointsAfter(frames, context.since, (frame, partial) => (partial ? framePoint(frame, true) : completeFramePoint(frame))),
    since: context.since ?? null,
    windowStart: frames.windowStart,
    runtime: context.runtime,
    instruments: [...context.instruments],
    overflowingInstruments: [...context.overflowingInstruments],
    instances: null,
    promql: null,
  };
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rowOf(rows: Map<string, RouteAccumulator>, method: string, route: string | undefined): RouteAccumulator {
  const key = routeKey(method, route);
  let row = rows.get(key);
  if (row === undefined) {
    row = new RouteAccumulator(method, route);
    rows.set(key, row);
  }
  return row;
}
