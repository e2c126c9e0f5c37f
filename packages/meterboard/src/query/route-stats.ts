import 'server-only';
import type { Telemetry } from '../telemetry.js';
import { buildRouteStats } from './build-route-stats.js';
import type { RouteStatsParams } from './stats-params.js';
import type { RouteDetail } from './stats-types.js';

/** One route's stats over a window of the process's history. */
export function queryRouteStats(telemetry: Telemetry, { window, since, method, route }: RouteStatsParams): RouteDetail {
  const { history } = telemetry;
  return buildRouteStats(history.ring(window.name), {
    serviceName: telemetry.serviceName,
    instanceId: telemetry.instanceId,
    window,
    since,
    method,
    route,
    seriesTotals: history.seriesTotals(),
    errorGroups: telemetry.requestErrors.groups.all(),
  });
}
