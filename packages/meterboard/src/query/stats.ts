import 'server-only';
import type { Telemetry } from '../telemetry.js';
import { buildStats } from './build-stats.js';
import { historyContext } from './history-context.js';
import { prepareWindow } from './prepare-window.js';
import { prometheusStats } from './prometheus-stats.js';
import { SourceError } from './source-error.js';
import type { StatsParams } from './stats-params.js';
import type { Stats } from './stats-types.js';

/** The stats over a window: the process's history, or with METRICS_SOURCE=prometheus every instance's from Prometheus. */
export function queryStats(telemetry: Telemetry, params: StatsParams): Promise<Stats> {
  const source = telemetry.prometheusSource;
  if (source && 'unusable' in source) throw new SourceError(503, 'source_misconfigured', source.unusable);
  if (source) return prometheusStats(source, telemetry.serviceName, params, Date.now());
  return localStats(telemetry, params);
}

async function localStats(telemetry: Telemetry, { window, since }: StatsParams): Promise<Stats> {
  const { history } = telemetry;
  await prepareWindow(history.ring(window.name), { points: true, since });
  return buildStats(history.ring(window.name), {
    serviceName: telemetry.serviceName,
    instanceId: telemetry.instanceId,
    startTime: telemetry.startTime,
    now: Date.now(),
    window,
    since,
    ...historyContext(history),
    errorGroups: telemetry.requestErrors.groups.all(),
  });
}
