import { describe, expect, test } from 'vitest';
import { holdsToken, sessionValue, tokenMatches } from './token';

const TOKEN = 'c0ffee00c0ffee00c0ffee00';

describe('tokenMatches', () => {
  test.each([
    [TOKEN, true],
    [TOKEN.slice(0, -1), false],
    [`${TOKEN}0`, false],
    [TOKEN.toUpperCase(), false],
    ['', false],
  ])('%j → %s', (candidate, expected) => {
    expect(tokenMatches(candidate, TOKEN)).toBe(expected);
  });
});

describe('holdsToken', () => {
  test.each<[string, string | null, string | undefined, boolean]>([
    ['no credentials', null, undefined, false],
    ['Bearer with the token', `Bearer ${TOKEN}`, undefined, true],
    ['the scheme in any case', `bearer ${TOKEN}`, undefined, true],
    ['Bearer with another token', 'Bearer c0ffee00c0ffee00c0ffee01', undefined, false],
    ['the token without a scheme', TOKEN, undefined, false],
    ['Basic with the token as password', `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`, undefined, false],
    ['the session cookie of the token', null, sessionValue(TOKEN), true],
    ['the token itself as the cookie', null, TOKEN, false],
    ['the session cookie of another token', null, sessionValue(`${TOKEN}0`), false],
    ['a wrong header and the right cookie', 'Bearer nope', sessionValue(TOKEN), true],
  ])('%s → %s', (_name, authorization, cookie, expected) => {
    expect(holdsToken(authorization, cookie, TOKEN)).toBe(expected);
  });

  test('the session value never contains the token and changes with it', () => {
    expect(sessionValue(TOKEN)).not.toContain(TOKEN);
    expect(sessionValue(TOKEN)).not.toBe(sessionValue(`${TOKEN}0`));
  });
});
