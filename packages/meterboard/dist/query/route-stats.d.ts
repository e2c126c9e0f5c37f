import 'server-only';
import type { Telemetry } from '../telemetry.js';
import type { RouteStatsParams } from './stats-params.js';
import type { RouteDetail } from './stats-types.js';
/** One route's stats over a window of the process's history. */
export declare function queryRouteStats(telemetry: Telemetry, { window, since, method, route }: RouteStatsParams): RouteDetail;
