'use client';

import useSWR from 'swr';
import type { ApiError, Stats } from '../query/stats-types';

/** How often the dashboard polls /api/stats, milliseconds. */
export const POLL_INTERVAL_MS = 1_000;

/** Window the dashboard asks /api/stats for. */
export const DASHBOARD_WINDOW = '5m';

/** Polls /api/stats every POLL_INTERVAL_MS. */
export function useStats() {
  return useSWR<Stats, Error>(`/api/stats?window=${DASHBOARD_WINDOW}`, fetchStats, {
    refreshInterval: POLL_INTERVAL_MS,
    // SWR skips a refresh within dedupingInterval (2 s by default) of the last one, which would halve the rate.
    dedupingInterval: POLL_INTERVAL_MS / 2,
    // Keep showing the last good numbers while the server is briefly unreachable.
    keepPreviousData: true,
  });
}

async function fetchStats(url: string): Promise<Stats> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as ApiError | undefined;
    throw new Error(body?.error.message ?? `${url} answered ${response.status}`);
  }
  return (await response.json()) as Stats;
}
