import type { Stats } from '@/lib/query/stats-types';
import type { NextServer } from './next-server';

/** The server's heap used, bytes, from its own runtime metrics (/api/stats, which is not measured itself). */
export async function heapUsedBytes(server: NextServer): Promise<number> {
  for (;;) {
    const stats = (await (await fetch(`${server.url}/api/stats?window=1m`)).json()) as Stats;
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
