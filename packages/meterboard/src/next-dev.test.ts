import { afterEach, describe, expect, test, vi } from 'vitest';
import { isNextDevServer } from './next-dev.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('isNextDevServer', () => {
  test.each<[string, Record<string, string | undefined>, boolean]>([
    ['Next 16 next dev (__NEXT_DEV_SERVER=1)', { __NEXT_DEV_SERVER: '1', NODE_ENV: 'development' }, true],
    ['Next 16 build (__NEXT_DEV_SERVER inlined as "")', { __NEXT_DEV_SERVER: '', NODE_ENV: 'production' }, false],
    ['NODE_ENV=development next start', { __NEXT_DEV_SERVER: undefined, NODE_ENV: 'development', NEXT_PRIVATE_WORKER: undefined }, false],
    ['Next 15.5 next dev (its forked worker)', { __NEXT_DEV_SERVER: undefined, NODE_ENV: 'development', NEXT_PRIVATE_WORKER: '1' }, true],
    ['a production build inside a worker', { __NEXT_DEV_SERVER: undefined, NODE_ENV: 'production', NEXT_PRIVATE_WORKER: '1' }, false],
  ])('%s → %s', (_name, env, expected) => {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    expect(isNextDevServer()).toBe(expected);
  });
});
