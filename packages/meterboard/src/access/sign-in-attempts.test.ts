import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { REFUSAL_LOG_INTERVAL_S, SignInAttempts, WRONG_SIGN_INS_PER_CLIENT_PER_MINUTE, WRONG_SIGN_INS_PER_MINUTE } from './sign-in-attempts.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** `count` attempts of `client` with a wrong token, as the sign-in action makes them; the seconds the last one was told to wait. */
async function wrongTokens(attempts: SignInAttempts, client: string, count: number): Promise<number> {
  let waitS = 0;
  for (let i = 0; i < count; i++) {
    waitS = await attempts.attempt(client);
    if (waitS === 0) attempts.wrongToken();
  }
  return waitS;
}

describe('SignInAttempts limits', () => {
  test(`a client may try ${WRONG_SIGN_INS_PER_CLIENT_PER_MINUTE} wrong tokens a minute, then waits out the minute; others may go on`, async () => {
    const attempts = new SignInAttempts(() => {});
    expect(await wrongTokens(attempts, 'a', WRONG_SIGN_INS_PER_CLIENT_PER_MINUTE)).toBe(0);
    expect(await attempts.attempt('a')).toBe(60);
    expect(await attempts.attempt('b')).toBe(0);
    vi.advanceTimersByTime(45_000);
    expect(await attempts.attempt('a')).toBe(15);
    vi.advanceTimersByTime(15_001);
    expect(await attempts.attempt('a')).toBe(0);
  });

  test('a right token is given back: signing in never counts towards the limits', async () => {
    const attempts = new SignInAttempts(() => {});
    for (let i = 0; i < 5 * WRONG_SIGN_INS_PER_MINUTE; i++) {
      expect(await attempts.attempt('a')).toBe(0);
      await attempts.rightToken('a');
    }
    expect(await wrongTokens(attempts, 'a', WRONG_SIGN_INS_PER_CLIENT_PER_MINUTE)).toBe(0);
  });

  test('concurrent attempts are counted before any token is checked: a burst cannot slip through', async () => {
    const attempts = new SignInAttempts(() => {});
    const waits = await Promise.all(Array.from({ length: 50 }, () => attempts.attempt('a')));
    expect(waits.filter((waitS) => waitS === 0)).toHaveLength(WRONG_SIGN_INS_PER_CLIENT_PER_MINUTE);
  });

  test(`${WRONG_SIGN_INS_PER_MINUTE} wrong tokens a minute from all clients together stop every client`, async () => {
    const attempts = new SignInAttempts(() => {});
    for (let i = 0; i < WRONG_SIGN_INS_PER_MINUTE; i++) expect(await wrongTokens(attempts, `forged-${i}`, 1)).toBe(0);
    expect(await attempts.attempt('someone-new')).toBe(60);
  });

  test('wrong bearer tokens are counted for the log, never limited', async () => {
    const attempts = new SignInAttempts(() => {});
    for (let i = 0; i < 1000; i++) attempts.wrongBearer();
    expect(await attempts.attempt('')).toBe(0);
  });
});

describe('SignInAttempts log', () => {
  test(`the first refusal is logged at once, the rest at most once every ${REFUSAL_LOG_INTERVAL_S} s`, async () => {
    const lines: string[] = [];
    const attempts = new SignInAttempts((line) => lines.push(line));
    await wrongTokens(attempts, 'a', 1);
    expect(lines).toEqual([expect.stringMatching(/^access refused: 1 wrong token on the sign-in form; the next such line/)]);

    await wrongTokens(attempts, 'a', 299);
    for (let i = 0; i < 7; i++) attempts.wrongBearer();
    expect(lines).toHaveLength(1);
    vi.advanceTimersByTime(REFUSAL_LOG_INTERVAL_S * 1000);
    expect(lines).toHaveLength(2);
    // Of the 299, 9 were checked and wrong; the limit refused the other 290 unchecked.
    expect(lines[1]).toMatch(/^access refused: 9 wrong tokens on the sign-in form; 7 wrong bearer tokens; 290 sign-ins refused unchecked/);

    // A quiet interval ends the wait: the next refusal is logged at once again.
    vi.advanceTimersByTime(REFUSAL_LOG_INTERVAL_S * 1000);
    expect(lines).toHaveLength(2);
    attempts.wrongBearer();
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^access refused: 1 wrong bearer token;/);
  });

  test('limited sign-ins are counted in the next line', async () => {
    const lines: string[] = [];
    const attempts = new SignInAttempts((line) => lines.push(line));
    await wrongTokens(attempts, 'a', WRONG_SIGN_INS_PER_CLIENT_PER_MINUTE);
    for (let i = 0; i < 5; i++) await attempts.attempt('a');
    vi.advanceTimersByTime(REFUSAL_LOG_INTERVAL_S * 1000);
    expect(lines[1]).toMatch(/9 wrong tokens on the sign-in form; 5 sign-ins refused unchecked \(over 10 wrong tokens a minute from one client, or 100 from all\)/);
  });
});
