import type { Stats, WindowName } from '../query/stats-types.js';
import { type IncrementalStats } from './merge-stats.js';
/** How often the dashboard and the route pages poll, milliseconds. */
export declare const POLL_INTERVAL_MS = 1000;
/** The latest answer, the time it was received and the latest error, if the last poll failed. */
export interface PolledStats<T> {
    stats: T | undefined;
    /** False while `stats` is still the answer to an earlier query (SWR keeps it until the new one arrives). */
    isCurrent: boolean;
    /** Epoch milliseconds of the last successful poll. */
    updatedAt: number | undefined;
    error: Error | undefined;
}
/** Polls the stats endpoint for `window` every POLL_INTERVAL_MS while not paused (see usePolledStats). */
export declare function useStats(window: WindowName, paused: boolean): PolledStats<Stats>;
/**
 * Polls the dashboard's JSON `endpoint` (stats, stats/route, stats/instrument) with `query` (a parameter may repeat in the array form) every POLL_INTERVAL_MS while
 * not paused; a null query polls nothing.
 * Each poll asks only for the points newer than the last complete one held (?since=) and merges
 * them in (mergeStats); another query starts from a full answer.
 */
export declare function usePolledStats<T extends IncrementalStats>(endpoint: string, query: Record<string, string> | Array<[string, string]> | null, paused: boolean): PolledStats<T>;
