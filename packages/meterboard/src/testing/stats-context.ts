import type { StatsContext } from '../query/build-stats.js';
import { WINDOWS } from '../query/windows.js';

/** When the tests' histories start. */
export const START = Date.UTC(2024, 0, 2, 3, 4, 0);

export const ONE_MINUTE = WINDOWS.find((window) => window.name === '1m')!;
export const FIVE_MINUTES = WINDOWS.find((window) => window.name === '5m')!;

/** What buildStats is given beside the frames, for an answer over the 5m window 90 s after START with nothing else recorded; `extra` replaces any of it. */
export function statsContext(extra: Partial<StatsContext> = {}): StatsContext {
  return {
    serviceName: 'meterboard-test',
    instanceId: 'instance-1',
    startTime: START,
    now: START + 90_000,
    window: FIVE_MINUTES,
    since: undefined,
    seriesTotals: new Map(),
    runtime: null,
    overflowingInstruments: [],
    instruments: [],
    errorGroups: new Map(),
    ...extra,
  };
}
