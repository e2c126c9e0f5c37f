import type { WindowInfo } from './stats-types';
import { DEFAULT_WINDOW, WINDOWS, windowNamed } from './windows';

/** Parsed query of GET /api/stats. */
export interface StatsParams {
  window: WindowInfo;
  /** Epoch milliseconds: only chart points that start after it. */
  since: number | undefined;
}

const WINDOW_NAMES = WINDOWS.map((window) => `"${window.name}"`).join(', ');

/** The query of GET /api/stats, or a message naming the bad parameter. */
export function parseStatsParams(query: URLSearchParams): StatsParams | { error: string } {
  for (const name of query.keys()) {
    if (name !== 'window' && name !== 'since') return { error: `Unknown query parameter "${name}"; the parameters are "window" and "since".` };
  }
  const windowName = query.get('window') ?? DEFAULT_WINDOW;
  const window = windowNamed(windowName);
  if (window === undefined) return { error: `"window" must be one of ${WINDOW_NAMES}, got ${JSON.stringify(windowName)}.` };

  const rawSince = query.get('since');
  if (rawSince === null) return { window, since: undefined };
  const since = /^\d{1,15}$/.test(rawSince) ? Number(rawSince) : NaN;
  if (!Number.isSafeInteger(since)) {
    return { error: `"since" must be a time in epoch milliseconds (the "time" of the last complete point you hold), got ${JSON.stringify(rawSince)}.` };
  }
  return { window, since };
}
