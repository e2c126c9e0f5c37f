#!/usr/bin/env node
// `npm test`: unit tests, the package's build, the demo's production build, the fixture host apps
// (meterboard installed from its npm pack tarball, scripts/prepare-fixtures.mjs), the end-to-end
// specs against them, the benchmarks in short mode (they must run; their times are not checked),
// and one closing line that adds them up. Every step runs even if an earlier one failed, so one run
// reports everything; the exit code is non-zero if anything failed.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS_DIR = '.test-results';
rmSync(RESULTS_DIR, { recursive: true, force: true });
mkdirSync(RESULTS_DIR, { recursive: true });

function run(title, command, args) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  return status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS_DIR}/unit.json`]);
const buildOk =
  run('build of the meterboard package', 'npm', ['run', 'build', '-w', 'meterboard']) &&
  run('production build of the demo', 'npx', ['next', 'build']) &&
  run('fixture host apps: npm pack, install, npx meterboard init, next build', 'node', ['scripts/prepare-fixtures.mjs']);
// After the demo's build, whose route types (.next/types) the demo's pages use.
const typecheckOk = buildOk && run('typecheck: the demo, the package, its unit tests and benchmarks', 'npm', ['run', 'typecheck']);
const e2eOk = buildOk && run('end-to-end tests', 'npx', ['playwright', 'test']);
const benchOk = buildOk && run('benchmarks, short mode (times not checked)', 'node', ['packages/meterboard/bench/run.mjs', '--short']);

const unit = readJson(`${RESULTS_DIR}/unit.json`);
const e2e = readJson(`${RESULTS_DIR}/e2e.json`);
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats.expected ?? 0) + (e2e?.stats.flaky ?? 0);
let failed = (unit?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats.skipped ?? 0);
// A step that failed without reporting any test (a broken build, a crashed runner) counts as a failure.
if (!unitOk && !unit?.numFailedTests) failed++;
if (!buildOk) failed++;
if (buildOk && !typecheckOk) failed++;
if (buildOk && !e2eOk && !e2e?.stats.unexpected) failed++;
if (buildOk && !benchOk) failed++;

console.log(`\nunit: ${unit?.numPassedTests ?? 0} passed, typecheck: ${typecheckOk ? 'passed' : 'FAILED'}, e2e: ${e2e?.stats.expected ?? 0} passed, bench (short): ${benchOk ? 'ran' : 'FAILED'}${buildOk ? '' : ' (build failed)'}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(unitOk && buildOk && typecheckOk && e2eOk && benchOk ? 0 : 1);
