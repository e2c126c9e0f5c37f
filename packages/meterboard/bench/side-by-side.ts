// Two servers measured at the same time, on the same core, under the same load: what the end-to-end
// scenarios compare instrumentations with. Measured one after the other, two processes read up to
// 2-4 times apart here (the machine's speed drifts over seconds, and a process left idle is slower
// for its next seconds); side by side, whatever slows the core slows both, and a ratio taken over the
// same seconds keeps only what differs between them.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { loadRound, percentile } from './load.js';
import type { GcCounts, NextServer } from './next-server.js';
import { median } from './report.js';

/** What a candidate cost against its baseline over the same seconds. */
export interface SideBySide {
  /** CPU per response, candidate / baseline: the median over the rounds. */
  cpuRatio: number;
  /** Responses per second, candidate / baseline: the median over the rounds. */
  throughputRatio: number;
  /** CPU per response of each, seconds: the median over the rounds. */
  candidateCpu: number;
  baselineCpu: number;
  /** Latency percentiles of each, milliseconds, from sequential requests sent to the two in turn. */
  p50: number;
  p99: number;
  baselineP50: number;
  baselineP99: number;
  /** Collections per 1,000 responses over the rounds, of each: when both servers trace them (NextServer#gcCounts). */
  gcPerThousand?: { candidate: GcCounts; baseline: GcCounts };
}

/**
 * Loads both servers' `path` at once (one autocannon each) for `roundSeconds`, `rounds` times after
 * `warmupSeconds` of the same unmeasured; then sends `latencyRequests` sequential requests to each, in turn.
 */
export async function sideBySide(
  candidate: NextServer,
  baseline: NextServer,
  path: string,
  { warmupSeconds, rounds, roundSeconds, latencyRequests }: { warmupSeconds: number; rounds: number; roundSeconds: number; latencyRequests: number },
): Promise<SideBySide> {
  await together(candidate, baseline, 0, (server) => loadRound(server, path, warmupSeconds));
  const cpuRatios: number[] = [];
  const throughputRatios: number[] = [];
  const candidateCpu: number[] = [];
  const baselineCpu: number[] = [];
  const responses = [0, 0];
  const gcBefore = [candidate.gcCounts(), baseline.gcCounts()];
  for (let r = 0; r < rounds; r++) {
    const [ours, theirs] = await together(candidate, baseline, r, (server) => loadRound(server, path, roundSeconds));
    cpuRatios.push(ours.cpuSecondsPerResponse / theirs.cpuSecondsPerResponse);
    throughputRatios.push(ours.perSecond / theirs.perSecond);
    candidateCpu.push(ours.cpuSecondsPerResponse);
    baselineCpu.push(theirs.cpuSecondsPerResponse);
    responses[0] += ours.responses;
    responses[1] += theirs.responses;
  }
  const gcAfter = [candidate.gcCounts(), baseline.gcCounts()];
  const perThousand = (before: GcCounts | undefined, after: GcCounts | undefined, count: number): GcCounts | undefined =>
    before && after && { scavenges: ((after.scavenges - before.scavenges) * 1000) / count, markCompacts: ((after.markCompacts - before.markCompacts) * 1000) / count };
  const candidateGc = perThousand(gcBefore[0], gcAfter[0], responses[0]);
  const baselineGc = perThousand(gcBefore[1], gcAfter[1], responses[1]);
  const [ours, theirs] = await interleavedLatencies(candidate, baseline, path, latencyRequests);
  return {
    cpuRatio: median(cpuRatios),
    throughputRatio: median(throughputRatios),
    candidateCpu: median(candidateCpu),
    baselineCpu: median(baselineCpu),
    p50: percentile(ours, 0.5),
    p99: percentile(ours, 0.99),
    baselineP50: percentile(theirs, 0.5),
    baselineP99: percentile(theirs, 0.99),
    ...(candidateGc && baselineGc ? { gcPerThousand: { candidate: candidateGc, baseline: baselineGc } } : {}),
  };
}

/** Runs `work` on both servers at once, the candidate's started first in even rounds and the baseline's in odd ones; the candidate's result first. */
async function together<T>(candidate: NextServer, baseline: NextServer, round: number, work: (server: NextServer) => Promise<T>): Promise<[T, T]> {
  if (round % 2 === 0) return Promise.all([work(candidate), work(baseline)]);
  const [theirs, ours] = await Promise.all([work(baseline), work(candidate)]);
  return [ours, theirs];
}

/**
 * `count` sequential requests to each server's `path`, alternating between them (each on its own
 * kept-alive connection, one request in flight at a time), so both see the same moments of the
 * machine; the latencies of each, milliseconds.
 */
async function interleavedLatencies(candidate: NextServer, baseline: NextServer, path: string, count: number): Promise<[number[], number[]]> {
  const agents = [new http.Agent({ keepAlive: true, maxSockets: 1 }), new http.Agent({ keepAlive: true, maxSockets: 1 })];
  const latencies: [number[], number[]] = [[], []];
  const servers = [candidate, baseline];
  try {
    for (let i = 0; i < 2 * count; i++) {
      // ABBA order, so neither always follows the other.
      const which = (i + (i >> 1)) % 2;
      const start = performance.now();
      await new Promise<void>((resolve, reject) => {
        http
          .get(`${servers[which].url}${path}`, { agent: agents[which] }, (response) => {
            response.resume();
            response.on('end', resolve);
          })
          .on('error', reject);
      });
      latencies[which].push(performance.now() - start);
    }
  } finally {
    for (const agent of agents) agent.destroy();
  }
  return latencies;
}
