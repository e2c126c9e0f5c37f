#!/usr/bin/env node
// `npm run bench [-- --short] [scenario ...]`: runs the benchmark scenarios one at a time (all of
// them, or those named), prints each one's table, then every target with ✓ or ✗, and writes
// .bench-results/<scenario>.json plus .bench-results/summary.json. --short runs small sizes and few
// rounds so CI keeps the code working; its numbers mean nothing and its targets are not checked.
// Exit code: 1 if a scenario failed to run, or (full mode only) if a target was missed.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const RESULTS_DIR = '.bench-results';

/** Every scenario: in-process ones run under vitest (they import lib/ as TypeScript), the others are Node scripts. */
const SCENARIOS = [
  { name: 'percentile-accuracy', vitest: true, about: 'exponential histogram vs histogram_quantile vs exact (issue 3)' },
  { name: 'history-memory', vitest: true, about: 'what the history retains per busy series (issue 3)' },
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
  const [command, commandArgs] = scenario.vitest
    ? ['npx', ['vitest', 'run', '--config', 'scripts/bench/vitest.config.mts', `scripts/bench/${scenario.name}.scenario.ts`]]
    : ['node', [`scripts/bench/${scenario.name}.mjs`]];
  const { status } = spawnSync(command, commandArgs, { stdio: 'inherit', env });
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
    console.log(`${met ? '✓' : '✗'} ${scenario}: ${target.metric}: ${Number(target.value.toPrecision(3))} ${target.unit} (target ≤ ${target.limit} ${target.unit})`);
  }
}
for (const name of failedToRun) console.log(`✗ ${name}: did not finish`);
console.log(`\nbench: ${results.length} scenarios ran, ${failedToRun.length} failed to run${short ? '' : `, ${missed} targets missed`}; results in ${RESULTS_DIR}/`);
process.exit(failedToRun.length > 0 || (!short && missed > 0) ? 1 : 0);
