#!/usr/bin/env node
// `npm run bench [-- --short] [scenario ...]`: runs the benchmark scenarios one at a time (all of
// them, or those named), prints each one's table, then every target with ✓ or ✗, and writes
// .bench-results/<scenario>.json plus .bench-results/summary.json. --short runs small sizes and few
// rounds so CI keeps the code working; its numbers mean nothing and its targets are not checked.
// Exit code: 1 if a scenario failed to run, or (full mode only) if a target was missed.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const RESULTS_DIR = '.bench-results';

/** Every scenario, in the order they run: packages/meterboard/bench/<name>.scenario.ts, each run under vitest (it compiles the package's TypeScript). */
const SCENARIOS = [
  { name: 'recording', about: 'per-request recording cost, against prom-client' },
  { name: 'scrape', about: '/metrics rendering with 200 and 10,000 series, against prom-client' },
  { name: 'sample', about: "the history's once-a-second sample with no traffic and with busy routes: CPU and bytes allocated; what an idle event loop delay monitor costs" },
  { name: 'stats', about: '/api/stats for 50 routes over the 1 h window, and the incremental poll size' },
  { name: 'memory-bound', about: '1M in-process requests over 100k paths and 10k attribute values: series and heap' },
  { name: 'memory-bound-http', about: '150k requests over HTTP, one steady trickle of 100k paths and 10k user attribute values: series and heap' },
  { name: 'user-histogram', about: "the app's own histogram record(): the SDK's, with meterboard's limit, with its sketch" },
  { name: 'outgoing-calls', about: "an outgoing call's three undici messages through meterboard's subscribers, against the dispatch alone and a real fetch" },
  { name: 'growth', about: 'recording, /metrics and /api/stats as series grow from 10 to 10,000 and the window lengthens; writes the charts' },
  { name: 'server-hooks', about: "seeing every request: the Server#emit patch against Node's http.server.* diagnostics channels, cost and what each sees" },
  { name: 'percentile-accuracy', about: 'exponential histogram vs histogram_quantile vs exact' },
  { name: 'history-memory', about: 'what the history retains per busy series' },
  { name: 'profile', about: "next start under load with --cpu-prof: the share of CPU samples in meterboard's code and the SDK's" },
  { name: 'peers', about: 'one host app under next start with nothing, meterboard (and an open dashboard), instrumentation-http, @vercel/otel, prom-client: CPU, throughput, latency' },
  { name: 'overhead', about: 'next start, metrics on vs OTEL_SDK_DISABLED=true: CPU per request, throughput, latency' },
  { name: 'dashboard', about: 'browser main-thread time of the dashboard polling the 15m window' },
  { name: 'http-memory', about: '50k unknown paths over HTTP, then a 10-minute soak: series, heap, RSS' },
  { name: 'export-failure', about: 'OTLP push to a collector that never answers, under steady load: heap, RSS, connections' },
];

const args = process.argv.slice(2);
const short = args.includes('--short');
const named = args.filter((arg) => !arg.startsWith('--'));
const unknown = named.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
if (unknown.length > 0) {
  console.error(`Unknown scenario ${unknown.map((name) => `"${name}"`).join(', ')}. The scenarios are:`);
  for (const { name, about } of SCENARIOS) console.error(`  ${name.padEnd(22)} ${about}`);
  process.exit(2);
}
const selected = named.length > 0 ? SCENARIOS.filter((scenario) => named.includes(scenario.name)) : SCENARIOS;

mkdirSync(RESULTS_DIR, { recursive: true });
const env = { ...process.env, BENCH_SHORT: short ? '1' : '0' };
const failedToRun = [];
for (const scenario of selected) {
  rmSync(`${RESULTS_DIR}/${scenario.name}.json`, { force: true });
  console.log(`\n▶ ${scenario.name}: ${scenario.about}`);
  const { status } = spawnSync('npx', ['vitest', 'run', '--config', 'packages/meterboard/bench/vitest.config.mts', `packages/meterboard/bench/${scenario.name}.scenario.ts`], {
    stdio: 'inherit',
    env,
  });
  if (status !== 0 || !existsSync(`${RESULTS_DIR}/${scenario.name}.json`)) failedToRun.push(scenario.name);
}

const results = selected
  .filter((scenario) => existsSync(`${RESULTS_DIR}/${scenario.name}.json`))
  .map((scenario) => JSON.parse(readFileSync(`${RESULTS_DIR}/${scenario.name}.json`, 'utf8')));
writeFileSync(`${RESULTS_DIR}/summary.json`, `${JSON.stringify({ date: new Date().toISOString(), short, results }, null, 2)}\n`);

console.log(`\n## Targets${short ? ' (short mode: not checked)' : ''}`);
let missed = 0;
for (const { scenario, targets } of results) {
  for (const target of targets) {
    const met = target.value <= target.limit;
    if (!met) missed++;
    const value = Number.isInteger(target.value) ? target.value : Number(target.value.toPrecision(3));
    console.log(`${met ? '✓' : '✗'} ${scenario}: ${target.metric}: ${value} ${target.unit} (target ≤ ${target.limit} ${target.unit})`);
  }
}
for (const name of failedToRun) console.log(`✗ ${name}: did not finish`);
console.log(`\nbench: ${results.length} scenarios ran, ${failedToRun.length} failed to run${short ? '' : `, ${missed} targets missed`}; results in ${RESULTS_DIR}/`);
process.exit(failedToRun.length > 0 || (!short && missed > 0) ? 1 : 0);
