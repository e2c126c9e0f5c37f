import type { History } from '../collect/history.js';
import type { StatsContext } from './build-stats.js';

/** What buildStats reads from the history beside a window's frames: its latest totals, runtime and instruments. */
export function historyContext(history: History): Pick<StatsContext, 'seriesTotals' | 'runtime' | 'instruments' | 'overflowingInstruments'> {
  return {
    seriesTotals: history.seriesTotals(),
    runtime: history.latestRuntime(),
    instruments: history.latestInstruments(),
    overflowingInstruments: history.overflowingInstruments(),
  };
}
