import { framePoint } from './frame-point.js';
import { windowRoute } from './window-aggregate.js';
import { pointsAfter } from './window-frames.js';
/** Most bars in RouteDetail.latencyDistribution: enough to see a shape, few enough to label. */
export const LATENCY_DISTRIBUTION_BARS = 40;
/**
 * The /api/stats/route body for a window: one method and route template's totals, status codes and
 * latency distribution over all the window's frames, and its chart points the client does not have
 * yet. A route without requests in the window answers zeros, nulls and no bars. Pure.
 */
export function buildRouteStats(frames, context) {
    const { method, route } = context;
    const isRoute = (series) => series.method === method && series.route === route;
    const { row, coveredSeconds } = windowRoute(frames, method, route);
    for (const series of context.seriesTotals.values()) {
        if (isRoute(series))
            row.requestsSinceStart += series.count;
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
