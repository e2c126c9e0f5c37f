import type { FrameHttpSeries } from '../collect/frame.js';
import { windowErrors } from './error-stats.js';
import { hostKey, OutgoingAccumulator } from './outgoing-accumulator.js';
import type { StatsContext } from './build-stats.js';
import { framePoint } from './frame-point.js';
import type { RouteDetail } from './stats-types.js';
import { rowOf, windowRoute } from './window-aggregate.js';
import { allFrames, pointsAfter, type WindowFrames } from './window-frames.js';

/** Most bars in RouteDetail.latencyDistribution: enough to see a shape, few enough to label. */
export const LATENCY_DISTRIBUTION_BARS = 40;

/** What buildRouteStats needs besides the frames: the route, and what the answer says about the process. */
export interface RouteStatsContext extends Pick<StatsContext, 'serviceName' | 'instanceId' | 'window' | 'since' | 'seriesTotals' | 'errorGroups'> {
  method: string;
  /** Route template; undefined for the requests that matched no route. */
  route: string | undefined;
}

/**
 * The /api/stats/route body for a window: one method and route template's totals, status codes and
 * latency distribution over all the window's frames, and its chart points the client does not have
 * yet. A route without requests in the window answers zeros, nulls and no bars. Pure.
 */
export function buildRouteStats(frames: WindowFrames, context: RouteStatsContext): RouteDetail {
  const { method, route } = context;
  const isRoute = (series: Pick<FrameHttpSeries, 'method' | 'route'>) => series.method === method && series.route === route;

  const { row, coveredSeconds } = windowRoute(frames, method, route);
  for (const series of context.seriesTotals.values()) {
    if (isRoute(series)) row.requestsSinceStart += series.count;
  }

  // The route's calls and errors: few series per frame, so every frame is read on each answer.
  // A call knows the route template that made it, not the request's method (Next's work store has
  // none): the calls are the template's, and their share is of all its requests' time.
  const outgoing = new Map<string, OutgoingAccumulator>();
  const errors = new Map<string, number>();
  let requestSeconds = 0;
  for (const frame of allFrames(frames)) {
    if (route !== undefined) {
      for (const series of frame.http.values()) if (series.route === route) requestSeconds += series.latency.sum;
    }
    for (const series of frame.outgoing.values()) {
      if (series.route !== route || route === undefined) continue;
      rowOf(outgoing, hostKey(series.host, series.port), () => new OutgoingAccumulator(series.host, series.port)).add(series);
    }
    for (const [key, count] of frame.errors) errors.set(key, (errors.get(key) ?? 0) + count);
  }

  return {
    service: { name: context.serviceName, instanceId: context.instanceId },
    window: context.window,
    coveredSeconds,
    route: row.toRouteStats(coveredSeconds),
    latencyDistribution: row.latencyDistribution(LATENCY_DISTRIBUTION_BARS),
    errors: windowErrors(errors, context.errorGroups, (group) => group.route === route && (group.method === undefined || group.method === method)),
    outgoing: [...outgoing.values()].map((host) => host.toRouteStats(coveredSeconds, requestSeconds)).sort((a, b) => b.calls - a.calls),
    // Only the points after `since` are computed; a full answer is the first poll of a page.
    points: pointsAfter(frames, context.since, (frame, partial) => framePoint(frame, partial, isRoute)),
    since: context.since ?? null,
    windowStart: frames.windowStart,
  };
}
