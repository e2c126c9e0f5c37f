import 'server-only';
import type { Telemetry } from '../telemetry.js';
import type { StatsParams } from './stats-params.js';
import type { Stats } from './stats-types.js';
/** The stats over a window: the process's history, or with METRICS_SOURCE=prometheus every instance's from Prometheus. */
export declare function queryStats(telemetry: Telemetry, params: StatsParams): Stats | Promise<Stats>;
