import { HISTORY_DURATION_MS, SAMPLE_INTERVAL_MS } from '../collect/history';

/** Window used when /api/stats is called without ?window=. */
export const DEFAULT_WINDOW_MS = 5 * 60_000;

/** Shortest window /api/stats accepts. */
export const MIN_WINDOW_MS = 10 * SAMPLE_INTERVAL_MS;

/** Parsed query of GET /api/stats. */
export interface StatsParams {
  windowMs: number;
}

/** The query of GET /api/stats, or a message naming the bad parameter. */
export function parseStatsParams(query: URLSearchParams): StatsParams | { error: string } {
  for (const name of query.keys()) {
    if (name !== 'window') return { error: `Unknown query parameter "${name}"; the only one is "window".` };
  }
  const raw = query.get('window');
  if (raw === null) return { windowMs: DEFAULT_WINDOW_MS };
  const windowMs = parseDuration(raw);
  if (windowMs === undefined || windowMs < MIN_WINDOW_MS || windowMs > HISTORY_DURATION_MS) {
    return {
      error: `"window" must be a duration between ${MIN_WINDOW_MS / 1000}s and ${HISTORY_DURATION_MS / 60_000}m such as "30s" or "5m", got ${JSON.stringify(raw)}.`,
    };
  }
  return { windowMs };
}

/** "90s" or "5m" in milliseconds; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})(s|m)$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 'm' ? 60_000 : 1_000);
}
