#!/usr/bin/env node
// `npx meterboard init [--dry-run] [--cwd <dir>]`: wires meterboard into the Next.js app in the
// current directory. Writes only what is missing, never overwrites a file, asks no questions; where it
// cannot edit safely it prints the exact lines to add and exits 1. Run twice, it changes nothing.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { applySteps, describeStep } from './apply.js';
import { detectLayout, planInit } from './plan.js';

const USAGE = `Usage: npx meterboard init [--dry-run] [--cwd <dir>]

  init        add meterboard to the Next.js app (App Router) in this directory
  --dry-run   print what init would do, and write nothing
  --cwd       the app's root directory (default: the current directory)`;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'init') {
    console.error(`${positionals.length === 0 ? 'No command given.' : `Unknown command "${positionals.join(' ')}".`}\n\n${USAGE}`);
    return 2;
  }
  const root = resolve(values.cwd ?? process.cwd());
  const layout = detectLayout(root);
  if (!layout) {
    console.error(`No app/ or src/app/ directory in ${root}: meterboard needs a Next.js app that uses the App Router. Run init in the app's root.`);
    return 1;
  }
  const dryRun = values['dry-run'] === true;
  const steps = planInit(root, layout);
  if (!dryRun) applySteps(root, steps);
  console.log(`meterboard init${dryRun ? ' --dry-run' : ''} in ${root} (${layout.appDir}/, ${layout.typescript ? 'TypeScript' : 'JavaScript'})\n`);
  for (const step of steps) console.log(describeStep(step, dryRun));
  const missing = steps.filter((step) => step.kind === 'manual' && step.required);
  if (missing.length > 0) {
    console.error(`\n${missing.length} change${missing.length === 1 ? '' : 's'} above must be made by hand (TO DO); then run init again.`);
    return 1;
  }
  if (!dryRun) {
    console.log(`\nDone. Start the app (next dev, or next build && next start) and open /meterboard.`);
    console.log('Under next start the dashboard is private until METRICS_AUTH_TOKEN (a token) or METRICS_PUBLIC=true is set; /metrics is open.');
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
