// What every benchmark scenario reports: a table for the terminal and the same rows, with its
// targets, as JSON in .bench-results/<scenario>.json (packages/meterboard/bench/run.mjs adds them up).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/** `npm run bench -- --short`: small sizes and few rounds, to keep the code running; numbers are not meaningful. */
export const SHORT = process.env.BENCH_SHORT === '1';

/** A number the issue sets a bound on, and whether this run met it. */
export interface Target {
  /** What is measured, e.g. "recording per request". */
  metric: string;
  value: number;
  unit: string;
  /** The bound: value must be <= limit. */
  limit: number;
  /** A stricter aim, if any, e.g. "no worse than prom-client". */
  goal?: string;
}

/** One scenario's result. */
export interface ScenarioResult {
  scenario: string;
  /** One line on what was measured and how. */
  method: string;
  rows: Array<Record<string, string | number | null>>;
  targets: Target[];
}

const RESULTS_DIR = '.bench-results';

/** Prints the scenario's table and targets and writes its JSON. */
export function report(result: ScenarioResult): void {
  console.log(`\n## ${result.scenario}${SHORT ? ' (short mode: numbers are not meaningful)' : ''}\n${result.method}`);
  console.table(result.rows);
  for (const target of result.targets) console.log(targetLine(target));
  mkdirSync(RESULTS_DIR, { recursive: true });
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, short: SHORT };
  writeFileSync(`${RESULTS_DIR}/${result.scenario}.json`, `${JSON.stringify({ ...result, machine }, null, 2)}\n`);
}

/** "✓ recording per request: 1.92 µs (target ≤ 3 µs)". */
export function targetLine({ metric, value, unit, limit, goal }: Target): string {
  const mark = value <= limit ? '✓' : '✗';
  return `${mark} ${metric}: ${Number.isInteger(value) ? value : round(value)} ${unit} (target ≤ ${limit} ${unit}${goal ? `; goal: ${goal}` : ''})`;
}

/** Three significant digits. */
export function round(value: number): number {
  return Number(value.toPrecision(3));
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Heap used after a full collection, bytes (the scenarios run with --expose-gc). */
export function heapUsedAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the scenario with --expose-gc (npm run bench does)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
