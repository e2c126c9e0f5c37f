import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { METER_VERSION } from './scope.js';

test('the meter version is the package version', () => {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(METER_VERSION).toBe(version);
});
