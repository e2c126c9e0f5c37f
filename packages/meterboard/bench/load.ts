// Load against a NextServer, shared by the end-to-end scenarios: autocannon rounds with the server's
// CPU per response, and sequential requests for latency percentiles.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { NextServer } from './next-server.js';
import { median } from './report.js';

/** Concurrent connections of a load round. */
export const CONNECTIONS = 8;

/** What one load round against a server measured. */
export interface Round {
  responses: number;
  cpuSecondsPerResponse: number;
  perSecond: number;
}

/** One autocannon round of `seconds` against `server`'s `path`: responses, its CPU per response, throughput; throws on any error or non-2xx. */
export async function loadRound(server: NextServer, path: string, seconds: number): Promise<Round> {
  const cpuBefore = server.cpuSeconds();
  const result = await autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: seconds });
  const cpu = server.cpuSeconds() - cpuBefore;
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${result.errors} errors and ${result.non2xx} non-2xx responses from ${server.url}${path}`);
  const responses = result['2xx'];
  return { responses, cpuSecondsPerResponse: cpu / responses, perSecond: responses / seconds };
}

/** `count` requests to `path`, one after the other on one kept-alive connection; their latencies, milliseconds. */
export async function sequentialLatencies(server: NextServer, path: string, count: number): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      http
        .get(`${server.url}${path}`, { agent }, (response) => {
          response.resume();
          response.on('end', resolve);
        })
        .on('error', reject);
    });
    latencies.push(performance.now() - start);
  }
  agent.destroy();
  return latencies;
}

/** The nearest-rank q-quantile of `values`. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Mean of per-process medians: each process's samples, one list per process. */
export function meanOfMedians(samples: readonly number[][]): number {
  return mean(samples.map(median));
}
