// Stands in for `server-only` under vitest (aliased in vitest.config.ts): importing it must not throw in tests.
export {};
