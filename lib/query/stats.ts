import 'server-only';
import { SAMPLE_INTERVAL_MS } from '../collect/history';
import type { Telemetry } from '../telemetry';
import { buildStats } from './build-stats';
import type { Stats } from './stats-types';

/** The process's stats over the last `windowMs` milliseconds of history. */
export function queryStats(telemetry: Telemetry, windowMs: number): Stats {
  const { history } = telemetry;
  return buildStats(history.since(history.latest().time - windowMs), history.latestInstruments(), {
    serviceName: telemetry.serviceName,
    startTime: telemetry.startTime,
    now: Date.now(),
    sampleIntervalMs: SAMPLE_INTERVAL_MS,
  });
}
