'use client';
import { useRef } from 'react';
import useSWR from 'swr';
import { useDashboardPaths } from './dashboard-paths.js';
import { mergeStats, sinceOf } from './merge-stats.js';
/** How often the dashboard and the route pages poll, milliseconds. */
export const POLL_INTERVAL_MS = 1_000;
/** Polls the stats endpoint for `window` every POLL_INTERVAL_MS while not paused (see usePolledStats). */
export function useStats(window, paused) {
    return usePolledStats('stats', { window }, paused);
}
/**
 * Polls the dashboard's JSON `endpoint` (stats, stats/route, stats/instrument) with `query` (a parameter may repeat in the array form) every POLL_INTERVAL_MS while
 * not paused; a null query polls nothing.
 * Each poll asks only for the points newer than the last complete one held (?since=) and merges
 * them in (mergeStats); another query starts from a full answer.
 */
export function usePolledStats(endpoint, query, paused) {
    const { api } = useDashboardPaths();
    const url = query === null ? null : `${api}/${endpoint}?${new URLSearchParams(query)}`;
    const held = useRef(undefined);
    const { data, error } = useSWR(url, async (url) => {
        const previous = held.current?.url === url ? held.current.stats : undefined;
        const since = sinceOf(previous);
        const stats = mergeStats(previous, await fetchJson(since === undefined ? url : `${url}&since=${since}`));
        held.current = { url, stats, updatedAt: Date.now() };
        return held.current;
    }, {
        refreshInterval: paused ? 0 : POLL_INTERVAL_MS,
        // SWR skips a refresh within dedupingInterval (2 s by default) of the last one, which would halve the rate.
        dedupingInterval: POLL_INTERVAL_MS / 2,
        revalidateOnFocus: !paused,
        revalidateOnReconnect: !paused,
        // Keep showing the last good numbers while the server is briefly unreachable.
        keepPreviousData: true,
    });
    return { stats: data?.stats, isCurrent: data !== undefined && data.url === url, updatedAt: data?.updatedAt, error };
}
async function fetchJson(url) {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) {
        const body = (await response.json().catch(() => undefined));
        throw new Error(body?.error.message ?? `${url} answered ${response.status}`);
    }
    return (await response.json());
}
