import { describe, expect, test } from 'vitest';
import { SESSION_MAX_AGE_S, sessionValid, sessionValue, tokenMatches, tokenProof } from './token.js';

const TOKEN = 'c0ffee00c0ffee00c0ffee00';
const NOW_S = 1_800_000_000;

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

describe('tokenProof', () => {
  test.each<[string, string | null, string | undefined, 'bearer' | 'session' | undefined]>([
    ['no credentials', null, undefined, undefined],
    ['Bearer with the token', `Bearer ${TOKEN}`, undefined, 'bearer'],
    ['the scheme in any case', `bearer ${TOKEN}`, undefined, 'bearer'],
    ['Bearer with another token', 'Bearer c0ffee00c0ffee00c0ffee01', undefined, undefined],
    ['the token without a scheme', TOKEN, undefined, undefined],
    ['Basic with the token as password', `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`, undefined, undefined],
    ['the session cookie of the token', null, sessionValue(TOKEN, NOW_S - 60), 'session'],
    ['the token itself as the cookie', null, TOKEN, undefined],
    ['the session cookie of another token', null, sessionValue(`${TOKEN}0`, NOW_S - 60), undefined],
    ['a wrong header and the right cookie', 'Bearer nope', sessionValue(TOKEN, NOW_S - 60), 'session'],
    ['the right header and the right cookie', `Bearer ${TOKEN}`, sessionValue(TOKEN, NOW_S - 60), 'bearer'],
  ])('%s → %s', (_name, authorization, cookie, expected) => {
    expect(tokenProof(authorization, cookie, TOKEN, NOW_S)).toBe(expected);
  });

  test('the session value never contains the token and changes with it', () => {
    expect(sessionValue(TOKEN, NOW_S)).not.toContain(TOKEN);
    expect(sessionValue(TOKEN, NOW_S)).not.toBe(sessionValue(`${TOKEN}0`, NOW_S));
  });
});

describe('sessionValid', () => {
  const mac = (value: string) => value.slice(value.indexOf('.') + 1);
  test.each<[string, string, boolean]>([
    ['issued a minute ago', sessionValue(TOKEN, NOW_S - 60), true],
    ['issued just within its lifetime', sessionValue(TOKEN, NOW_S - SESSION_MAX_AGE_S), true],
    ['expired by a second', sessionValue(TOKEN, NOW_S - SESSION_MAX_AGE_S - 1), false],
    ['issued a minute in the future (clock skew)', sessionValue(TOKEN, NOW_S + 60), true],
    ['issued a day in the future', sessionValue(TOKEN, NOW_S + 86_400), false],
    ['its time moved forward, the MAC kept', `${NOW_S}.${mac(sessionValue(TOKEN, NOW_S - SESSION_MAX_AGE_S - 1))}`, false],
    ['no time', mac(sessionValue(TOKEN, NOW_S)), false],
    ['garbage', 'x.y', false],
    ['empty', '', false],
  ])('%s → %s', (_name, cookie, expected) => {
    expect(sessionValid(cookie, TOKEN, NOW_S)).toBe(expected);
  });
});
