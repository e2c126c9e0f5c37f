import type { FrameHttpSeries } from '../collect/frame.js';
import type { StatsContext } from './build-stats.js';
import { framePoint } from './frame-point.js';
import type { RouteDetail } from './stats-types.js';
import { windowRoute } from './window-aggregate.js';
import { pointsAfter, type WindowFrames } from './window-frames.js';

/** Most bars in RouteDetail.latencyDistribution: enough to see a shape, few enough to label. */
export const LATENCY_DISTRIBUTION_BARS = 40;

/** What buildRouteStats needs besides the frames: the route, and what the answer says about the process. */
export interface RouteStatsContext extends Pick<StatsContext, 'serviceName' | 'instanceId' | 'window' | 'since' | 'seriesTotals'> {
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

  return {
    service: { name: context.serviceName, instanceId: context.instanceId },
    window: context.window,
    coveredSeconds,
    route: row.toRouteStats(coveredSeconds),
    latencyDistribution: row.latencyDistribution(LATENCY_DISTRIBUTION_BARS),
    // Only the points after `since` are computed; a full answer is the first poll of a page.
    points: pointsAfter(frames, context.since, (frame, partial) => framePoint(frame, partial, isRoute)),
    since: context.since ?? null,
    windowStart: frames.windowStart,
  };
}
