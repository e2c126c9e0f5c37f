'use client';

import { useRef } from 'react';
import useSWR from 'swr';
import type { ApiError, Stats, WindowName } from '../query/stats-types';
import { mergeStats, sinceOf } from './merge-stats';

/** How often the dashboard polls /api/stats, milliseconds. */
export const POLL_INTERVAL_MS = 1_000;

/** Stats of a window, the time they were last received and the latest error, if the last poll failed. */
export interface StatsState {
  stats: Stats | undefined;
  /** Epoch milliseconds of the last successful poll. */
  updatedAt: number | undefined;
  error: Error | undefined;
}

/**
 * Polls /api/stats for `window` every POLL_INTERVAL_MS while not paused. Each poll asks only for
 * the points newer than the last complete one held (?since=) and merges them in.
 */
export function useStats(window: WindowName, paused: boolean): StatsState {
  const held = useRef<{ stats: Stats; updatedAt: number } | undefined>(undefined);
  const { data, error } = useSWR<{ stats: Stats; updatedAt: number }, Error>(
    ['/api/stats', window],
    async () => {
      const previous = held.current?.stats.window.name === window ? held.current.stats : undefined;
      const since = sinceOf(previous);
      const query = new URLSearchParams({ window });
      if (since !== undefined) query.set('since', String(since));
      const stats = mergeStats(previous, await fetchStats(`/api/stats?${query}`));
      held.current = { stats, updatedAt: Date.now() };
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
  return { stats: data?.stats, updatedAt: data?.updatedAt, error };
}

async function fetchStats(url: string): Promise<Stats> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as ApiError | undefined;
    throw new Error(body?.error.message ?? `${url} answered ${response.status}`);
  }
  return (await response.json()) as Stats;
}
