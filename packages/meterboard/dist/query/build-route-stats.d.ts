import type { StatsContext } from './build-stats.js';
import type { RouteDetail } from './stats-types.js';
import { type WindowFrames } from './window-frames.js';
/** Most bars in RouteDetail.latencyDistribution: enough to see a shape, few enough to label. */
export declare const LATENCY_DISTRIBUTION_BARS = 40;
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
export declare function buildRouteStats(frames: WindowFrames, context: RouteStatsContext): RouteDetail;
