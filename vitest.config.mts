import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      // `server-only` throws outside a React Server Components build; unit tests import server modules directly.
      { find: /^server-only$/, replacement: new URL('./packages/meterboard/src/testing/empty-module.ts', import.meta.url).pathname },
      // Same as tsconfig.json's "paths": { "@/*": ["./*"] }.
      { find: /^@\//, replacement: new URL('./', import.meta.url).pathname },
    ],
  },
  test: {
    include: ['lib/**/*.test.ts', 'packages/meterboard/src/**/*.test.ts'],
    environment: 'node',
  },
});
