import 'server-only';
import type { Telemetry } from '../telemetry';
import { buildStats } from './build-stats';
import type { StatsParams } from './stats-params';
import type { Stats } from './stats-types';

/** The process's stats over a window of its history. */
export function queryStats(telemetry: Telemetry, { window, since }: StatsParams): Stats {
  const { history } = telemetry;
  return buildStats(history.ring(window.name), {
    serviceName: telemetry.serviceName,
    instanceId: telemetry.instanceId,
    startTime: telemetry.startTime,
    now: Date.now(),
    window,
    since,
    seriesTotals: history.seriesTotals(),
    runtime: history.latestRuntime(),
    instruments: history.latestInstruments(),
    overflowingInstruments: history.overflowingInstruments(),
  });
}
