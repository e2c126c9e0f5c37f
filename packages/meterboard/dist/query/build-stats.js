import { framePoint } from './frame-point.js';
import { RouteAccumulator } from './route-accumulator.js';
import { routeKey, windowAggregate } from './window-aggregate.js';
import { pointsAfter } from './window-frames.js';
/**
 * The /api/stats body for a window: totals and routes over all its frames, and the chart points
 * the client does not have yet. Pure, apart from caching what complete frames add up to and their
 * points (complete frames no longer change).
 */
export function buildStats(frames, context) {
    const { routes: rows, total, serverActions: actions, coveredSeconds } = windowAggregate(frames);
    for (const series of context.seriesTotals.values()) {
        rowOf(rows, series.method, series.route).requestsSinceStart += series.count;
        total.requestsSinceStart += series.count;
    }
    const routes = [...rows.values()]
        .map((row) => row.toRouteStats(coveredSeconds))
        .sort((a, b) => b.requests - a.requests || b.requestsSinceStart - a.requestsSinceStart);
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
        serverActions: [...actions.values()].map((row) => row.toStats(coveredSeconds)).sort((a, b) => b.requests - a.requests),
        points: pointsAfter(frames, context.since, (frame, partial) => (partial ? framePoint(frame, true) : completePoint(frame))),
        since: context.since ?? null,
        windowStart: frames.windowStart,
        runtime: context.runtime,
        instruments: [...context.instruments],
        overflowingInstruments: [...context.overflowingInstruments],
        instances: null,
        promql: null,
    };
}
// A complete frame never changes again, so its point is computed once.
const completePoints = new WeakMap();
function completePoint(frame) {
    let point = completePoints.get(frame);
    if (point === undefined) {
        point = framePoint(frame, false);
        completePoints.set(frame, point);
    }
    return point;
}
function rowOf(rows, method, route) {
    const key = routeKey(method, route);
    let row = rows.get(key);
    if (row === undefined) {
        row = new RouteAccumulator(method, route);
        rows.set(key, row);
    }
    return row;
}
