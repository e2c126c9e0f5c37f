import 'server-only';
import { buildRouteStats } from './build-route-stats.js';
/** One route's stats over a window of the process's history. */
export function queryRouteStats(telemetry, { window, since, method, route }) {
    const { history } = telemetry;
    return buildRouteStats(history.ring(window.name), {
        serviceName: telemetry.serviceName,
        instanceId: telemetry.instanceId,
        window,
        since,
        method,
        route,
        seriesTotals: history.seriesTotals(),
    });
}
