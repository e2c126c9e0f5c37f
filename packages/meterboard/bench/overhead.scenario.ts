// End-to-end overhead: the demo's build under `next start`, metrics on against OTEL_SDK_DISABLED=true,
// on a trivial route handler (/api/health). Measured in fresh pairs of processes, one on and one off,
// started together on core 0 and loaded at the same time (side-by-side.ts), with this process (the
// load's clients) on core 1; pairs of two off processes, measured the same way, are the noise floor.
// Also what a server costs with no traffic at all (the history's one-second sample and the runtime
// metrics' timers), and how often each server collects garbage under the same load (--trace-gc).
import { test } from 'vitest';
import { CONNECTIONS } from './load.js';
import { ensureProductionBuild, NextServer, pinSelf } from './next-server.js';
import { median, report, round, SHORT } from './report.js';
import { sideBySide, type SideBySide } from './side-by-side.js';

const PATH = '/api/health';
const PAIRS = SHORT ? 1 : 3;
const IDLE_S = SHORT ? 1 : 10;
const WARMUP_S = SHORT ? 0.5 : 5;
// Even, so each server's load starts first in as many rounds as the other's.
const ROUNDS = SHORT ? 1 : 4;
const ROUND_S = SHORT ? 0.5 : 2;
const LATENCY_REQUESTS = SHORT ? 50 : 3_000;
const FIRST_PORT = 4101;

interface PairResult extends SideBySide {
  /** CPU per second with no traffic, milliseconds: candidate − baseline. */
  idleRise: number;
}

const ON = { OTEL_SERVICE_NAME: 'bench-on' };
const OFF = { OTEL_SDK_DISABLED: 'true' };

async function measurePair(candidateEnv: Record<string, string>, pair: number): Promise<PairResult> {
  // --trace-gc: each server's collections per response, from its own log line per collection.
  const candidate = new NextServer(FIRST_PORT + 2 * pair, candidateEnv, 0, undefined, ['--trace-gc']);
  const baseline = new NextServer(FIRST_PORT + 2 * pair + 1, OFF, 0, undefined, ['--trace-gc']);
  try {
    await Promise.all([candidate.start(), baseline.start()]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idleBefore = [candidate.cpuSeconds(), baseline.cpuSeconds()];
    await new Promise((resolve) => setTimeout(resolve, IDLE_S * 1000));
    const idleRise = ((candidate.cpuSeconds() - idleBefore[0] - (baseline.cpuSeconds() - idleBefore[1])) / IDLE_S) * 1000;
    return { ...(await sideBySide(candidate, baseline, PATH, { warmupSeconds: WARMUP_S, rounds: ROUNDS, roundSeconds: ROUND_S, latencyRequests: LATENCY_REQUESTS })), idleRise };
  } finally {
    await Promise.all([candidate.stop(), baseline.stop()]);
  }
}

test('overhead', async () => {
  ensureProductionBuild();
  pinSelf(1);
  const on: PairResult[] = [];
  const floor: PairResult[] = [];
  let pair = 0;
  for (let p = 0; p < PAIRS; p++) {
    on.push(await measurePair(ON, pair++));
    floor.push(await measurePair(OFF, pair++));
  }
  const cell = (results: PairResult[], pick: (result: PairResult) => number, scale = 1) => {
    const values = results.map(pick);
    return `${round(median(values) * scale)} (${round(Math.min(...values) * scale)} to ${round(Math.max(...values) * scale)})`;
  };
  const row = (measure: string, pick: (result: PairResult) => number, scale = 1) => ({ measure, 'on against off': cell(on, pick, scale), 'off against off (noise floor)': cell(floor, pick, scale) });
  report({
    scenario: 'overhead',
    method: `GET ${PATH} under next start, the demo's build. ${PAIRS} fresh pairs of processes (metrics on and OTEL_SDK_DISABLED=true) and as many of two off processes, both of a pair on core 0, load on core 1: ${IDLE_S} s with no traffic, ${WARMUP_S} s of load on both at once, ${ROUNDS} rounds of ${ROUND_S} s in which one autocannon (${CONNECTIONS} connections) per server loads both at the same time, then ${LATENCY_REQUESTS} sequential requests to each, alternating. Each cell: the median over the pairs of the pair's value (the median of its rounds), and the range.`,
    rows: [
      row('server CPU per response, × off', (result) => result.cpuRatio),
      row('throughput, × off', (result) => result.throughputRatio),
      row('server CPU per response (µs)', (result) => result.candidateCpu, 1e6),
      row('latency p50, sequential, − off (ms)', (result) => result.p50 - result.baselineP50),
      row('latency p99, sequential, − off (ms)', (result) => result.p99 - result.baselineP99),
      row('server CPU per second with no traffic, − off (ms)', (result) => result.idleRise),
      row('scavenges per 1,000 responses, × off', (result) => result.gcPerThousand!.candidate.scavenges / result.gcPerThousand!.baseline.scavenges),
      row('scavenges per 1,000 responses', (result) => result.gcPerThousand!.candidate.scavenges),
      row('mark-compacts per 1,000 responses, − off', (result) => result.gcPerThousand!.candidate.markCompacts - result.gcPerThousand!.baseline.markCompacts),
    ],
    targets: [
      { metric: 'CPU per request, metrics on / off, side by side (median of pairs)', value: median(on.map((result) => result.cpuRatio)), unit: '×', limit: 1.02 },
      { metric: 'p99 latency rise, metrics on − off (median of pairs)', value: median(on.map((result) => result.p99 - result.baselineP99)), unit: 'ms', limit: 0.1 },
    ],
  });
});
