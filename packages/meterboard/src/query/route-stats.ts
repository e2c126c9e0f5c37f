import 'server-only';
import type { Telemetry } from '../telemetry.js';
import { buildRouteStats } from './build-route-stats.js';
import { prepareWindow } from './prepare-window.js';
import type { RouteStatsParams } from './stats-params.js';
import type { RouteDetail } from './stats-types.js';

/** One route's stats over a window of the process's history. */
export async function queryRouteStats(telemetry: Telemetry, { window, since, method, route }: RouteStatsParams): Promise<RouteDetail> {
  const { history } = telemetry;
  await prepareWindow(history.ring(window.name), { points: false });
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
