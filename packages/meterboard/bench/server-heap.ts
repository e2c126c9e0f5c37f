import { fileURLToPath } from 'node:url';
import { SAMPLE_INTERVAL_MS } from '../src/collect/history.js';
import type { Stats } from '../src/query/stats-types.js';
import type { NextServer } from './next-server.js';

/** Node flags for a NextServer whose retained heap a benchmark reads (retainedHeap). */
export const COLLECT_ON_SIGNAL = ['--expose-gc', '--require', fileURLToPath(new URL('./collect-on-signal.cjs', import.meta.url))];

/** The server's heap used, bytes, from its own runtime metrics (/meterboard/api/stats, which is not measured itself). */
export async function heapUsedBytes(server: NextServer): Promise<number> {
  for (;;) {
    const stats = (await (await fetch(`${server.url}/meterboard/api/stats?window=1m`)).json()) as Stats;
    if (stats.runtime?.heapUsedBytes != null) return stats.runtime.heapUsedBytes;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The lowest heap reading over `seconds`, one a second: the heap after its collections, near enough. */
export async function settledHeap(server: NextServer, seconds: number): Promise<number> {
  let lowest = Number.POSITIVE_INFINITY;
  for (let t = 0; t < seconds; t += 1) {
    lowest = Math.min(lowest, await heapUsedBytes(server));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return lowest;
}

/**
 * The server's heap after a full collection, bytes: what it retains. The lowest reading of a while
 * is not that: V8 may leave tens of megabytes of old garbage for minutes (a heap snapshot, which
 * collects first, found 4 MB retained by 20,000 unknown paths where those readings said 89 MB).
 * The server must run with COLLECT_ON_SIGNAL. Its heap is read by the history every
 * SAMPLE_INTERVAL_MS, so each try waits for a reading taken after the collection; the lowest of
 * `tries`, as requests still arriving allocate in between.
 */
export async function retainedHeap(server: NextServer, tries = 3): Promise<number> {
  let lowest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries; i++) {
    server.signal('SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_INTERVAL_MS + 200));
    lowest = Math.min(lowest, await heapUsedBytes(server));
  }
  return lowest;
}

/** One memory reading of a server during a soak. */
export interface MemoryReading {
  /** Seconds since the soak began. */
  second: number;
  heap: number;
  rss: number;
}

/** Reads each server's heap and RSS every `everyS` seconds for `seconds`. */
export async function readMemory(servers: readonly NextServer[], seconds: number, everyS: number): Promise<MemoryReading[][]> {
  const readings: MemoryReading[][] = servers.map(() => []);
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, everyS * 1000));
    for (const [i, server] of servers.entries()) {
      readings[i].push({ second: (Date.now() - started) / 1000, heap: await heapUsedBytes(server), rss: server.rssBytes() });
    }
  }
  return readings;
}

/**
 * The lowest heap and RSS of the first and of the last minute after `warmUpS`: the values after
 * their collections, so that growth is what stayed.
 */
export function steadyMinutes(readings: readonly MemoryReading[], warmUpS: number, everyS: number) {
  const steady = readings.filter((reading) => reading.second >= warmUpS);
  const perMinute = Math.max(1, Math.floor(60 / everyS));
  const lowest = (list: readonly MemoryReading[], key: 'heap' | 'rss') => Math.min(...list.map((reading) => reading[key]));
  const [first, last] = [steady.slice(0, perMinute), steady.slice(-perMinute)];
  return { heap: [lowest(first, 'heap'), lowest(last, 'heap')], rss: [lowest(first, 'rss'), lowest(last, 'rss')] } as const;
}
