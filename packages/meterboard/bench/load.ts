// Load against a NextServer, shared by the end-to-end scenarios: autocannon rounds with the server's
// CPU per response.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { NextServer } from './next-server.js';

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** Concurrent connections of a load round. */
export const CONNECTIONS = 8;

/** What one load round against a server measured. */
export interface Round {
  responses: number;
  cpuSecondsPerResponse: number;
  perSecond: number;
}

/**
 * One autocannon round of `seconds` against `server`'s `path`: responses, its CPU per response,
 * throughput; throws on any error or non-2xx. autocannon runs as a process of its own on core 1,
 * so the benchmark's own work (a dashboard's polls, an OTLP sink) never slows the load.
 */
export async function loadRound(server: NextServer, path: string, seconds: number): Promise<Round> {
  const cpuBefore = server.cpuSeconds();
  const result = await autocannonProcess(`${server.url}${path}`, seconds);
  const cpu = server.cpuSeconds() - cpuBefore;
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${result.errors} errors and ${result.non2xx} non-2xx responses from ${server.url}${path}`);
  const responses = result['2xx'];
  return { responses, cpuSecondsPerResponse: cpu / responses, perSecond: responses / seconds };
}

interface AutocannonResult {
  errors: number;
  non2xx: number;
  '2xx': number;
}

function autocannonProcess(url: string, seconds: number): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', ['-c', '1', process.execPath, AUTOCANNON, '--json', '-c', String(CONNECTIONS), '-d', String(seconds), url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()!) as AutocannonResult);
      } catch {
        reject(new Error(`autocannon exited with ${code}: ${stderr.slice(-500)}`));
      }
    });
  });
}

/** The nearest-rank q-quantile of `values`. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
