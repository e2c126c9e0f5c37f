import { describe, expect, test } from 'vitest';
import { sessionValue, tokenMatches, tokenProof, verifySession, type Session } from './token.js';

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

const MAX_AGE_S = 8 * 60 * 60;
const CHECK = { nowS: NOW_S, maxAgeS: MAX_AGE_S, revoked: () => false };

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
    expect(tokenProof(authorization, cookie, TOKEN, CHECK)).toBe(expected);
  });

  test('a signed-out session proves nothing; another session of the same second still does', () => {
    const signedOut = sessionValue(TOKEN, NOW_S - 60);
    const other = sessionValue(TOKEN, NOW_S - 60);
    const revoked = (session: Session) => session.id === verifySession(signedOut, TOKEN, NOW_S, MAX_AGE_S)?.id;
    expect(tokenProof(null, signedOut, TOKEN, { ...CHECK, revoked })).toBeUndefined();
    expect(tokenProof(null, other, TOKEN, { ...CHECK, revoked })).toBe('session');
  });

  test('the session value never contains the token, and no two are alike, even in the same second', () => {
    expect(sessionValue(TOKEN, NOW_S)).not.toContain(TOKEN);
    const values = new Set(Array.from({ length: 100 }, () => sessionValue(TOKEN, NOW_S)));
    expect(values.size).toBe(100);
  });
});

describe('verifySession', () => {
  const id = 'AAAAAAAAAAAAAAAAAAAAAA';
  const [, , macOfOld] = sessionValue(TOKEN, NOW_S - MAX_AGE_S - 1, id).split('.');
  test.each<[string, string, boolean]>([
    ['issued a minute ago', sessionValue(TOKEN, NOW_S - 60), true],
    ['issued just within its lifetime', sessionValue(TOKEN, NOW_S - MAX_AGE_S), true],
    ['expired by a second', sessionValue(TOKEN, NOW_S - MAX_AGE_S - 1), false],
    ['issued a minute in the future (clock skew)', sessionValue(TOKEN, NOW_S + 60), true],
    ['issued a day in the future', sessionValue(TOKEN, NOW_S + 86_400), false],
    ['its time moved forward, the MAC kept', `${NOW_S}.${id}.${macOfOld}`, false],
    ['another id, the MAC kept', `${NOW_S - MAX_AGE_S - 1}.B${id.slice(1)}.${macOfOld}`, false],
    ['the v1 format (time and MAC only)', `${NOW_S}.${macOfOld}`, false],
    ['an extra part', `${sessionValue(TOKEN, NOW_S)}.x`, false],
    ['garbage', 'x.y.z', false],
    ['empty', '', false],
  ])('%s → %s', (_name, cookie, expected) => {
    expect(verifySession(cookie, TOKEN, NOW_S, MAX_AGE_S) !== undefined).toBe(expected);
  });
});
