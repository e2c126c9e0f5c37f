import { describe, expect, test } from 'vitest';
import { RevokedSessions } from './revoked-sessions.js';

const MAX_AGE_S = 3600;
const NOW_S = 1_800_000_000;

describe('RevokedSessions', () => {
  test('a signed-out session is refused, other sessions of the same second are not', () => {
    const revoked = new RevokedSessions();
    revoked.revoke({ issuedAtS: NOW_S - 10, id: 'a' }, NOW_S, MAX_AGE_S);
    expect(revoked.has({ issuedAtS: NOW_S - 10, id: 'a' })).toBe(true);
    expect(revoked.has({ issuedAtS: NOW_S - 10, id: 'b' })).toBe(false);
  });

  test('when full, the oldest sign-out becomes a cut-off: no signed-out session is ever accepted again', () => {
    const revoked = new RevokedSessions();
    const sessions = Array.from({ length: 10_001 }, (_, i) => ({ issuedAtS: NOW_S - 20_000 + i, id: `s${i}` }));
    for (const session of sessions) revoked.revoke(session, NOW_S, 30_000);
    expect(sessions.every((session) => revoked.has(session))).toBe(true);
    // The cut-off is the evicted session's issue time: younger sessions that were not signed out stay valid.
    expect(revoked.has({ issuedAtS: sessions[0].issuedAtS, id: 'never-signed-out' })).toBe(true);
    expect(revoked.has({ issuedAtS: sessions[1].issuedAtS, id: 'never-signed-out' })).toBe(false);
  });

  test('the cut-off is the session issued first, not the one signed out first', () => {
    const revoked = new RevokedSessions();
    // Signed out first, issued last: a cut-off at its time would end every live session.
    revoked.revoke({ issuedAtS: NOW_S - 1, id: 'recent' }, NOW_S, 30_000);
    for (let i = 0; i < 10_000; i++) revoked.revoke({ issuedAtS: NOW_S - 20_000 + i, id: `s${i}` }, NOW_S, 30_000);
    expect(revoked.has({ issuedAtS: NOW_S - 1, id: 'recent' })).toBe(true);
    expect(revoked.has({ issuedAtS: NOW_S - 10, id: 'never-signed-out' })).toBe(false);
    expect(revoked.has({ issuedAtS: NOW_S - 20_000, id: 'never-signed-out' })).toBe(true);
  });

  test('when full, expired entries go first and no cut-off is needed', () => {
    const revoked = new RevokedSessions();
    for (let i = 0; i < 10_000; i++) revoked.revoke({ issuedAtS: NOW_S - 2 * MAX_AGE_S, id: `old${i}` }, NOW_S - MAX_AGE_S - 1, MAX_AGE_S);
    revoked.revoke({ issuedAtS: NOW_S, id: 'new' }, NOW_S, MAX_AGE_S);
    expect(revoked.has({ issuedAtS: NOW_S, id: 'new' })).toBe(true);
    expect(revoked.has({ issuedAtS: NOW_S - 2 * MAX_AGE_S, id: 'never-signed-out' })).toBe(false);
  });
});
