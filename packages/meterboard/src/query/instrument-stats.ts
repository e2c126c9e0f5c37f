import 'server-only';
import type { Telemetry } from '../telemetry.js';
import { buildInstrumentStats } from './build-instrument-stats.js';
import type { InstrumentStatsParams } from './stats-params.js';
import type { InstrumentDetail } from './stats-types.js';

/** The explorer's list of instruments and one instrument over a window of the process's history. */
export function queryInstrumentStats(telemetry: Telemetry, { window, since, instrument, groupBy, filters }: InstrumentStatsParams): InstrumentDetail {
  const { history } = telemetry;
  return buildInstrumentStats(history.ring(window.name), {
    serviceName: telemetry.serviceName,
    instanceId: telemetry.instanceId,
    window,
    since,
    descriptors: history.descriptors(),
    instrument,
    groupBy,
    filters,
  });
}
