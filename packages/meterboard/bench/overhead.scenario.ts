// End-to-end overhead: the same build under `next start`, metrics on against OTEL_SDK_DISABLED=true,
// on a trivial route handler (/api/health). Every server on core 0, this process (the load) on
// core 1. Two processes of the same build differ by up to ~5% in CPU per request (JIT and heap
// layout: an A/A pair measured here read 0.95 and 1.02), which is more than the overhead, so each
// side is several processes: after a warm-up, rounds give every server one autocannon run in
// alternating on/off order, and each process's median CPU per response enters the comparison.
// Latency: rounds of sequential, unhurried requests to every server, p50 and p99 per process.
import { test } from 'vitest';
import { ensureProductionBuild, NextServer, pinSelf } from './next-server.js';
import { CONNECTIONS, loadRound, mean, meanOfMedians, percentile, sequentialLatencies, type Round } from './load.js';
import { median, report, round, SHORT } from './report.js';

const PATH = '/api/health';
const SERVERS_PER_SIDE = SHORT ? 1 : 4;
const WARMUP_S = SHORT ? 1 : 8;
const IDLE_S = SHORT ? 1 : 10;
// Even, so each side runs first in as many pairs as it runs second (the first of two back-to-back runs is measurably slower here).
const ROUNDS = SHORT ? 2 : 6;
const ROUND_S = SHORT ? 0.5 : 3;
const LATENCY_REQUESTS = SHORT ? 50 : 4_000;
const LATENCY_ROUNDS = SHORT ? 1 : 3;

test('overhead', async () => {
  ensureProductionBuild();
  pinSelf(1);
  const on = Array.from({ length: SERVERS_PER_SIDE }, (_, i) => new NextServer(4101 + 2 * i, { OTEL_SERVICE_NAME: 'bench-on' }));
  const off = Array.from({ length: SERVERS_PER_SIDE }, (_, i) => new NextServer(4102 + 2 * i, { OTEL_SDK_DISABLED: 'true' }));
  const servers = [...on, ...off];
  await Promise.all(servers.map((server) => server.start()));
  try {
    // What a server costs with no traffic at all: the history's one-second sample, the runtime metrics' timers.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleBefore = servers.map((server) => server.cpuSeconds());
    await new Promise((resolve) => setTimeout(resolve, IDLE_S * 1000));
    const idleMsPerSecond = new Map(servers.map((server, i) => [server, ((server.cpuSeconds() - idleBefore[i]) / IDLE_S) * 1000]));
    for (const server of servers) await loadRound(server, PATH, WARMUP_S);
    const rounds = new Map(servers.map((server) => [server, [] as Round[]]));
    // Round r pairs on[i] with off[(i + r) % n], back to back, on first in even rounds: over the
    // rounds every on process meets several off processes, so no one process's bias decides.
    const pairedRatios: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < SERVERS_PER_SIDE; i++) {
        const pair = [on[i], off[(i + r) % SERVERS_PER_SIDE]];
        const [first, second] = r % 2 === 0 ? pair : [pair[1], pair[0]];
        const results = new Map([
          [first, await loadRound(first, PATH, ROUND_S)],
          [second, await loadRound(second, PATH, ROUND_S)],
        ]);
        for (const [server, result] of results) rounds.get(server)!.push(result);
        pairedRatios.push(results.get(pair[0])!.cpuSecondsPerResponse / results.get(pair[1])!.cpuSecondsPerResponse);
      }
    }
    const latencies = new Map(servers.map((server) => [server, { p50: [] as number[], p99: [] as number[] }]));
    for (let r = 0; r < LATENCY_ROUNDS; r++) {
      const order = r % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order) {
        const sample = await sequentialLatencies(server, PATH, LATENCY_REQUESTS);
        latencies.get(server)!.p50.push(percentile(sample, 0.5));
        latencies.get(server)!.p99.push(percentile(sample, 0.99));
      }
    }

    const cpu = (side: NextServer[]) => side.map((server) => rounds.get(server)!.map((round) => round.cpuSecondsPerResponse));
    const throughput = (side: NextServer[]) => side.map((server) => rounds.get(server)!.map((round) => round.perSecond));
    const latency = (side: NextServer[], key: 'p50' | 'p99') => side.map((server) => latencies.get(server)![key]);
    // The statistic: the median of the paired ratios.
    const cpuRatio = median(pairedRatios);
    const processMedians = (side: NextServer[]) => cpu(side).map((samples) => round(median(samples) * 1e6));
    const offMedians = cpu(off).map(median);
    const processSpread = Math.max(...offMedians) / Math.min(...offMedians);
    const p99Rise = meanOfMedians(latency(on, 'p99')) - meanOfMedians(latency(off, 'p99'));
    const row = (measure: string, ours: number, theirs: number, scale: number, difference: boolean) => ({
      measure,
      'metrics on': round(ours * scale),
      'metrics off': round(theirs * scale),
      [difference ? 'on − off' : 'on / off']: round(difference ? (ours - theirs) * scale : ours / theirs),
    });
    report({
      scenario: 'overhead',
      method: `GET ${PATH} under next start, ${SERVERS_PER_SIDE} processes per side on core 0, load on core 1; ${WARMUP_S} s warm-up each, ${ROUNDS} rounds in which each on process and an off process (a different one every round) run ${ROUND_S} s of autocannon (${CONNECTIONS} connections) back to back, then ${LATENCY_ROUNDS} rounds of ${LATENCY_REQUESTS} sequential requests per server. Each value: mean over a side's processes of each process's median.`,
      rows: [
        row('server CPU per second with no traffic (ms)', mean(on.map((server) => idleMsPerSecond.get(server)!)), mean(off.map((server) => idleMsPerSecond.get(server)!)), 1, true),
        row('server CPU per response (µs)', meanOfMedians(cpu(on)), meanOfMedians(cpu(off)), 1e6, false),
        { measure: `CPU per response, median of the ${pairedRatios.length} paired ratios`, 'metrics on': null, 'metrics off': null, 'on / off': round(cpuRatio) },
        { measure: 'CPU per response, median process / median process', 'metrics on': null, 'metrics off': null, 'on / off': round(median(cpu(on).map(median)) / median(offMedians)) },
        row('throughput (responses/s)', meanOfMedians(throughput(on)), meanOfMedians(throughput(off)), 1, false),
        row('latency p50, sequential (ms)', meanOfMedians(latency(on, 'p50')), meanOfMedians(latency(off, 'p50')), 1, true),
        row('latency p99, sequential (ms)', meanOfMedians(latency(on, 'p99')), meanOfMedians(latency(off, 'p99')), 1, true),
        { measure: 'latency p99 of each process (ms)', 'metrics on': latency(on, 'p99').map((samples) => round(median(samples))).join(' '), 'metrics off': latency(off, 'p99').map((samples) => round(median(samples))).join(' '), 'on / off': null },
        { measure: 'CPU per response of each process (µs)', 'metrics on': processMedians(on).join(' '), 'metrics off': processMedians(off).join(' '), 'on / off': null },
        { measure: 'spread between the metrics-off processes (max / min)', 'metrics on': null, 'metrics off': round(processSpread), 'on / off': null },
      ],
      targets: [
        { metric: 'CPU per request, metrics on / off (median of paired ratios)', value: cpuRatio, unit: '×', limit: 1.03, goal: '1.01' },
        { metric: 'p99 latency rise, metrics on − off', value: p99Rise, unit: 'ms', limit: 0.1 },
      ],
    });
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
});
