'use client';

import { useRef } from 'react';
import useSWR from 'swr';
import type { ApiError, Stats, WindowName } from '../query/stats-types.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { mergeStats, sinceOf, type IncrementalStats } from './merge-stats.js';

/** How often the dashboard and the route pages poll, milliseconds. */
export const POLL_INTERVAL_MS = 1_000;

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
export function useStats(window: WindowName, paused: boolean): PolledStats<Stats> {
  return usePolledStats<Stats>('stats', { window }, paused);
}

/**
 * Polls the dashboard's JSON `endpoint` (stats, stats/route, stats/instrument) with `query` (a parameter may repeat in the array form) every POLL_INTERVAL_MS while
 * not paused; a null query polls nothing.
 * Each poll asks only for the points newer than the last complete one held (?since=) and merges
 * them in (mergeStats); another query starts from a full answer.
 */
export function usePolledStats<T extends IncrementalStats>(
  endpoint: string,
  query: Record<string, string> | Array<[string, string]> | null,
  paused: boolean,
): PolledStats<T> {
  const { api } = useDashboardPaths();
  const url = query === null ? null : `${api}/${endpoint}?${new URLSearchParams(query)}`;
  const held = useRef<{ url: string; stats: T; updatedAt: number } | undefined>(undefined);
  const { data, error } = useSWR<{ url: string; stats: T; updatedAt: number }, Error>(
    url,
    async (url: string) => {
      const previous = held.current?.url === url ? held.current.stats : undefined;
      const since = sinceOf(previous);
      const stats = mergeStats(previous, await fetchJson<T>(since === undefined ? url : `${url}&since=${since}`));
      held.current = { url, stats, updatedAt: Date.now() };
      return held.current;
    },
    {
      refreshInterval: paused ? 0 : POLL_INTERVAL_MS,
      // SWR skips a refresh within dedupingInterval (2 s by default) of the last one, which would halve the rate.
      dedupingInterval: POLL_INTERVAL_MS / 2,
      revalidateOnFocus: !paused,
      revalidateOnReconnect: !paused,
      // Keep showing the last good numbers while the server is briefly unreachable.
      keepPreviousData: true,
    },
  );
  return { stats: data?.stats, isCurrent: data !== undefined && data.url === url, updatedAt: data?.updatedAt, error };
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as ApiError | undefined;
    throw new Error(body?.error.message ?? `${url} answered ${response.status}`);
  }
  return (await response.json()) as T;
}
