// The in-process benchmark scenarios run under vitest (it compiles the package's TypeScript the way the
// unit tests see it); `npm run bench` (packages/meterboard/bench/run.mjs) starts them one at a time.
import { defineConfig } from 'vitest/config';
import unit from '../../../vitest.config.mts';

export default defineConfig({
  ...unit,
  test: {
    include: ['packages/meterboard/bench/*.scenario.ts'],
    environment: 'node',
    // Heap numbers are read after a full collection.
    execArgv: ['--expose-gc'],
    fileParallelism: false,
    testTimeout: 60 * 60_000,
    // Tables go straight to the terminal, not into vitest's per-test log.
    disableConsoleIntercept: true,
  },
});
