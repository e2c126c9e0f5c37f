import { expect, test } from 'vitest';
import { installedNextVersion, isSupportedNext } from './next-version.js';

test.each([
  ['16.4.6', true],
  ['16.0.0', true],
  ['15.5.29', true],
  ['15.4.7', false],
  ['14.2.3', false],
  ['17.0.0', false],
])('next %s is supported: %s', (version, supported) => {
  expect(isSupportedNext(version)).toBe(supported);
});

test('reads the version of next installed here', () => {
  expect(installedNextVersion()).toMatch(/^\d+\.\d+\.\d+/);
});
